import { CASH_LIMIT_PAISE } from "../../../lib/pos"
import { demoTenders } from "../tenders"

describe("demo tenders", () => {
  it("pays every bill in full, the same way for the same bill number, and never ₹2 lakh or more in cash", () => {
    const kinds = new Map<string, number>()
    for (let bill = 1; bill <= 2000; bill++) {
      const total = 10_000_00 + ((bill * 7_919_13) % 6_00_000_00)
      const tenders = demoTenders(bill, total)
      expect(tenders.reduce((s, t) => s + t.amount_paise, 0)).toBe(total)
      expect(tenders.every((t) => t.amount_paise > 0)).toBe(true)
      expect(tenders.filter((t) => t.kind === "cash").reduce((s, t) => s + t.amount_paise, 0)).toBeLessThan(CASH_LIMIT_PAISE)
      expect(demoTenders(bill, total)).toEqual(tenders)
      const mix = tenders.map((t) => t.kind).join("+")
      kinds.set(mix, (kinds.get(mix) ?? 0) + 1)
    }
    // UPI most often, then cash, card, and split bills; all four seen.
    expect([...kinds.keys()].sort()).toEqual(["card", "cash", "cash+upi", "upi"])
    expect(kinds.get("upi")!).toBeGreaterThan(kinds.get("card")!)
  })

  it("splits a ₹3,00,000 cash bill into ₹1,99,999 cash and the rest by UPI", () => {
    const cashBill = Array.from({ length: 200 }, (_, i) => i + 1).find((bill) => demoTenders(bill, 1_000_00)[0].kind === "cash" && demoTenders(bill, 1_000_00).length === 1)!
    expect(demoTenders(cashBill, 3_00_000_00)).toEqual([
      { kind: "cash", amount_paise: 1_99_999_00 },
      { kind: "upi", amount_paise: 1_00_001_00 },
    ])
  })
})
