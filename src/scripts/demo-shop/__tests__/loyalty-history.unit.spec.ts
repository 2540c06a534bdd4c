import { DEFAULT_PROGRAM } from "../../../lib/loyalty"
import { demoLoyaltyHistory, type DemoLoyaltyBill } from "../loyalty-history"

const bill = (n: number, at: string, totalRupees: number, basisRupees: number): DemoLoyaltyBill => ({
  order_id: `order_${n}`,
  display_id: n,
  customer_id: "cus_asha",
  at: new Date(at),
  total_paise: totalRupees * 100,
  basis_paise: basisRupees * 100,
})

describe("demo loyalty history", () => {
  it("earns each bill at the tier its rolling year reached, and drops a tier when old spend leaves the year", () => {
    let n = 0
    const { entries, accounts } = demoLoyaltyHistory(
      [
        // Given out of order: the history is the customer's, bill by bill in time.
        bill(3, "2027-03-06T06:30:00Z", 51_500, 50_000),
        bill(1, "2026-01-10T06:30:00Z", 1_03_000, 1_00_000),
        bill(2, "2026-03-05T06:30:00Z", 1_54_500, 1_50_000),
      ],
      DEFAULT_PROGRAM,
      () => `lpe_${++n}`
    )
    expect(entries.map((e) => [e.type, e.order_id, e.points, e.remaining, e.reason])).toEqual([
      // ₹1,03,000 in the year: Silver, 1 point a ₹100 of taxable value.
      ["earn", "order_1", 1000, 1000, "1000 points for order (Silver)"],
      // ₹2,57,500 with it: Gold, × 1.25.
      ["earn", "order_2", 1875, 1875, "1875 points for order (Gold)"],
      // A year on, only ₹51,500 is within the last 12 months: Silver again.
      ["earn", "order_3", 500, 500, "500 points for order (Silver)"],
    ])
    expect(entries[0].expires_at).toEqual(new Date("2028-01-10T06:30:00Z"))
    expect(entries.map((e) => e.idempotency_key)).toEqual(["order:order_1:earn", "order:order_2:earn", "order:order_3:earn"])
    expect(accounts).toEqual([
      { customer_id: "cus_asha", balance: 3375, lifetime_earned: 3375, tier: "Silver", tier_since: new Date("2027-03-06T06:30:00Z"), at: new Date("2026-01-10T06:30:00Z") },
    ])
  })

  it("writes no entry for a bill under ₹100 of basis, but opens the account", () => {
    const { entries, accounts } = demoLoyaltyHistory([bill(1, "2026-05-01T06:30:00Z", 103, 99)], DEFAULT_PROGRAM, () => "lpe_x")
    expect(entries).toEqual([])
    expect(accounts[0]).toMatchObject({ balance: 0, tier: "Silver" })
  })
})
