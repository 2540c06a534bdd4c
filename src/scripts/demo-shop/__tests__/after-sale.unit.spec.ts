import { demoAfterSale, refundShares } from "../after-sale"

describe("demo after-sale", () => {
  it("keeps most bills, cancels one in 40, takes a piece back from one in 50 and exchanges one in another 50, the same ones every time", () => {
    const plans = Array.from({ length: 2000 }, (_, i) => demoAfterSale(i + 1, 2))
    const count = (kind: string) => plans.filter((p) => p.kind === kind).length
    expect([count("canceled"), count("returned"), count("exchanged")]).toEqual([50, 40, 40])
    expect(count("kept")).toBe(2000 - 50 - 40 - 40)
    // Any 40 bills in a row have a cancelled one and any 50 a returned one (never the same bill).
    expect(demoAfterSale(17, 1)).toEqual({ kind: "canceled" })
    expect(demoAfterSale(9, 3)).toEqual(demoAfterSale(9, 3))
    for (const plan of plans) {
      if (plan.kind === "returned") {
        expect(plan.line).toBeGreaterThanOrEqual(0)
        expect(plan.line).toBeLessThan(2)
        expect(plan.days_later).toBeGreaterThanOrEqual(1)
        expect(plan.days_later).toBeLessThanOrEqual(14)
      }
      if (plan.kind === "exchanged") {
        expect([plan.line >= 0 && plan.line < 2, plan.days_later >= 2 && plan.days_later <= 20, plan.pick >= 0 && plan.pick < 1]).toEqual([true, true, true])
      }
    }
    expect(demoAfterSale(34, 1)).toEqual(expect.objectContaining({ kind: "exchanged", line: 0 }))
  })

  it("refunds a ₹30,000 piece of a bill paid ₹20,000 in cash and ₹25,000 by UPI as ₹20,000 cash and ₹10,000 UPI", () => {
    const paid = [
      { payment_id: "cash", paise: 20_000_00 },
      { payment_id: "upi", paise: 25_000_00 },
    ]
    expect(refundShares(paid, 30_000_00)).toEqual([
      { payment_id: "cash", paise: 20_000_00 },
      { payment_id: "upi", paise: 10_000_00 },
    ])
    expect(refundShares(paid, 5_000_00)).toEqual([{ payment_id: "cash", paise: 5_000_00 }])
    expect(() => refundShares(paid, 45_000_01)).toThrow("more than the bill's tenders took")
    expect(() => refundShares(paid, Number.NaN)).toThrow("a whole number of paise")
  })
})
