import { aggregatePurchases, presentPurchases, recentOrders, summarisePurchases } from "../customer-360"

describe("summarisePurchases", () => {
  it("adds totals without float drift and leaves cancelled orders out", () => {
    const summary = summarisePurchases([
      { created_at: "2026-01-10T10:00:00Z", status: "completed", total: 0.1, items: [{ quantity: 1, metal: "gold", category: "rings" }] },
      { created_at: "2026-03-05T10:00:00Z", status: "pending", total: 0.2, items: [{ quantity: 2, metal: "silver", category: "silverware" }] },
      { created_at: "2026-02-01T10:00:00Z", status: "canceled", total: 1000, items: [{ quantity: 5, metal: "platinum", category: "rings" }] },
      { created_at: "2025-12-24T10:00:00Z", status: "completed", total: "33835.50", items: [{ quantity: 1, metal: "gold", category: "necklaces" }] },
    ])
    expect(summary).toEqual({
      lifetime_value: 33835.8,
      order_count: 3,
      average_order_value: 11278.6,
      first_purchase_at: "2025-12-24T10:00:00.000Z",
      last_purchase_at: "2026-03-05T10:00:00.000Z",
      favourite_metal: "gold",
      favourite_category: "silverware",
    })
  })

  it("is empty for a customer who has not bought yet", () => {
    expect(summarisePurchases([])).toEqual({
      lifetime_value: 0,
      order_count: 0,
      average_order_value: 0,
      first_purchase_at: null,
      last_purchase_at: null,
      favourite_metal: null,
      favourite_category: null,
    })
  })

  it("stores an exact aggregate and reads the same summary back from it", () => {
    const orders = [
      { created_at: "2026-01-10T10:00:00Z", status: "completed", total: "45012.35", items: [{ quantity: 1, metal: "gold", category: "rings" }] },
      { created_at: "2026-04-01T10:00:00Z", status: "completed", total: "12000.10", items: [{ quantity: 1, metal: "silver", category: "anklets" }] },
    ]
    const aggregate = aggregatePurchases(orders)
    expect(aggregate).toEqual({
      order_count: 2,
      lifetime_value: "57012.45",
      first_purchase_at: "2026-01-10T10:00:00.000Z",
      last_purchase_at: "2026-04-01T10:00:00.000Z",
      metal_counts: { gold: 1, silver: 1 },
      category_counts: { rings: 1, anklets: 1 },
    })
    // A tie is broken alphabetically, whatever order the stored keys come back in.
    const fromStore = presentPurchases({ ...aggregate, metal_counts: { silver: 1, gold: 1 }, category_counts: { rings: 1, anklets: 1 } })
    expect(fromStore).toEqual(summarisePurchases(orders))
    expect(fromStore).toEqual(expect.objectContaining({ favourite_metal: "gold", favourite_category: "anklets", average_order_value: 28506.23 }))
  })

  it("keeps the newest orders first, at most five", () => {
    const orders = Array.from({ length: 7 }, (_, i) => ({
      id: `order_${i}`,
      display_id: i + 1,
      created_at: new Date(Date.UTC(2026, i % 3, 1 + i)).toISOString(),
      status: "completed",
      total: 100 * (i + 1),
      currency_code: "inr",
      items: [{ title: `Piece ${i}`, quantity: 1, variant_id: null }],
    }))
    const recent = recentOrders(orders)
    expect(recent.map((o) => o.display_id)).toEqual([6, 3, 5, 2, 7])
    expect(recent[0]).toEqual({ ...orders[5], total: 600 })
  })
})
