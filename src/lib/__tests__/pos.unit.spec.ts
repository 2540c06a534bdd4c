import { CASH_LIMIT_PAISE, istDayRange, istToday, saleFingerprint, settleBill, tenderOfProvider } from "../pos"

const bill = 4_07_365_00 // ₹4,07,365.00

describe("pos", () => {
  it("settles a bill paid exactly by card, UPI and points", () => {
    const { settlement, problem } = settleBill({
      total_paise: bill,
      points_paise: 50_000,
      tenders: [
        { kind: "card", amount_paise: 3_00_000_00, reference: "AUTH 123456" },
        { kind: "upi", amount_paise: 1_06_865_00 },
      ],
      cash_today_paise: 0,
    })
    expect(problem).toBeNull()
    expect(settlement).toEqual(expect.objectContaining({ change_paise: 0, cash_kept_paise: 0, pending_paise: 0, points_paise: 50_000 }))
    expect(settlement!.tenders.map((t) => t.applied_paise)).toEqual([3_00_000_00, 1_06_865_00])
  })

  it("gives change from cash only", () => {
    // ₹4,07,365 by card ₹2,50,000 and ₹1,60,000 in notes: ₹2,635 back.
    const { settlement } = settleBill({
      total_paise: bill,
      points_paise: 0,
      tenders: [
        { kind: "card", amount_paise: 2_50_000_00 },
        { kind: "cash", amount_paise: 1_60_000_00 },
      ],
      cash_today_paise: 0,
    })
    expect(settlement).toEqual(expect.objectContaining({ cash_tendered_paise: 1_60_000_00, change_paise: 2_635_00, cash_kept_paise: 1_57_365_00 }))
    expect(settlement!.tenders[1].applied_paise).toBe(1_57_365_00)
    const overCard = settleBill({ total_paise: bill, points_paise: 0, tenders: [{ kind: "card", amount_paise: bill + 100 }], cash_today_paise: 0 })
    expect(overCard.problem).toMatch(/only cash gives change/)
  })

  it("says how far the tenders fall short, to the paisa", () => {
    const short = settleBill({ total_paise: bill, points_paise: 100_00, tenders: [{ kind: "upi", amount_paise: bill - 100_01 }], cash_today_paise: 0 })
    expect(short.problem).toBe("the tenders and points add up to ₹4,07,364.99 but the bill is ₹4,07,365.00: ₹0.01 short")
    expect(settleBill({ total_paise: bill, points_paise: 0, tenders: [{ kind: "cash", amount_paise: 0 }], cash_today_paise: 0 }).problem).toMatch(/above ₹0/)
    expect(settleBill({ total_paise: 0, points_paise: 0, tenders: [], cash_today_paise: 0 }).problem).toMatch(/bill must be above/)
    const links = settleBill({
      total_paise: bill,
      points_paise: 0,
      tenders: [
        { kind: "razorpay_link", amount_paise: 1_00_000_00 },
        { kind: "razorpay_link", amount_paise: bill - 1_00_000_00 },
      ],
      cash_today_paise: 0,
    })
    expect(links.problem).toMatch(/one payment link per sale/)
  })

  it("refuses ₹2,00,000 or more in cash from one customer in a day (s.269ST)", () => {
    const cash = (amount: number, today = 0) =>
      settleBill({ total_paise: bill, points_paise: 0, tenders: [{ kind: "cash", amount_paise: amount }, { kind: "card", amount_paise: bill - Math.min(amount, bill) }], cash_today_paise: today })
    expect(cash(CASH_LIMIT_PAISE - 1).problem).toBeNull()
    expect(cash(CASH_LIMIT_PAISE).problem).toBe(
      "cash of ₹2,00,000.00 or more from one customer in a day is not allowed (Income Tax Act s.269ST): this sale takes ₹2,00,000.00 in cash. Take at least ₹0.01 of it by card, UPI or a payment link"
    )
    expect(cash(1_50_000_00, 60_000_00).problem).toMatch(/this sale takes ₹1,50,000.00 in cash and ₹60,000.00 was taken earlier today. Take at least ₹10,000.01/)
    // Change handed back does not count: ₹2,05,000 handed over for ₹1,99,000 kept.
    const { settlement } = settleBill({ total_paise: 1_99_000_00, points_paise: 0, tenders: [{ kind: "cash", amount_paise: 2_05_000_00 }], cash_today_paise: 0 })
    expect(settlement).toEqual(expect.objectContaining({ cash_kept_paise: 1_99_000_00, change_paise: 6_000_00 }))
  })

  it("names the tender of each payment provider", () => {
    expect(["pp_instore_cash", "pp_instore_old_gold", "pp_razorpay_razorpay", "pp_paypal_paypal", "pp_system_default", "pp_stripe_stripe"].map(tenderOfProvider)).toEqual([
      "cash",
      "old_gold",
      "razorpay",
      "paypal",
      "system",
      "other",
    ])
  })

  it("tells a replay from another sale under the same key", () => {
    const base = { customer_id: "cus_1", branch_id: "br_1", tag_codes: ["SGJ-RING-22K-12", "sgj-coin-24k-5g"], points: 0, tenders: [{ kind: "cash" as const, amount_paise: 100 }] }
    expect(saleFingerprint(base)).toBe(saleFingerprint({ ...base, tag_codes: ["SGJ-COIN-24K-5G", "SGJ-RING-22K-12"] }))
    expect(saleFingerprint(base)).not.toBe(saleFingerprint({ ...base, tenders: [{ kind: "cash", amount_paise: 101 }] }))
  })

  it("finds India's day whatever the server's clock says", () => {
    expect(istDayRange("2026-03-01")).toEqual({ from: new Date("2026-02-28T18:30:00Z"), to: new Date("2026-03-01T18:30:00Z") })
    expect(istToday(new Date("2026-02-28T18:29:59Z"))).toBe("2026-02-28")
    expect(istToday(new Date("2026-02-28T18:30:00Z"))).toBe("2026-03-01")
    expect(() => istDayRange("2026-13-45")).toThrow(/Not a date/)
  })
})
