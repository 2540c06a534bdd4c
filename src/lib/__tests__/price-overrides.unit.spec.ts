import { creditLineAmount, handPricedLines, priceCutPaise } from "../price-overrides"

describe("prices set by hand on Medusa's order routes: what a change takes off", () => {
  it("finds new lines by variant, an existing line by its id and an added line by its action, in any letter case", () => {
    expect(handPricedLines("/admin/draft-orders", { items: [{ variant_id: "v1", quantity: 2, unit_price: 900 }, { title: "Polish", unit_price: 50 }, { variant_id: "v2" }] })).toEqual([
      { at: "items[0].unit_price", unit_price: 900, quantity: 2, variant_id: "v1" },
    ])
    expect(handPricedLines("/ADMIN/Order-Edits/order_1/ITEMS/Item/ordli_1", { quantity: 1, unit_price: "450.50" })).toEqual([{ at: "unit_price", unit_price: 450.5, quantity: 1, item_id: "ordli_1" }])
    expect(handPricedLines("/admin/order-edits/order_1/items/act_1", { quantity: 3, unit_price: 10 })).toEqual([{ at: "unit_price", unit_price: 10, quantity: 3, action_id: "act_1" }])
    expect(handPricedLines("/admin/order-edits/order_1/items", { items: [] })).toEqual([])
  })

  it("adds each line's price below what it replaces times its quantity, and a credit line; a higher price takes nothing", () => {
    // ₹1,000.00 → ₹900.50 on 2 pieces: ₹199.00; ₹500 → ₹600: nothing; a credit line of ₹25.25.
    const lines = [
      { at: "a", unit_price: 900.5, quantity: 2, reference: 1_000 },
      { at: "b", unit_price: 600, quantity: 1, reference: 500 },
      { at: "c", unit_price: 1, quantity: 1, reference: null },
    ]
    expect(priceCutPaise(lines, 25.25)).toBe(199_00 + 25_25)
    expect(creditLineAmount("/admin/orders/order_1/credit-lines", { amount: 25.25 })).toBe(25.25)
    expect(creditLineAmount("/admin/orders/order_1/fulfillments", { amount: 25.25 })).toBeNull()
  })
})
