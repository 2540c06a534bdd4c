import { reconcile, tenderOf, type ReconciliationEntry } from "../reconciliation"

const e = (kind: ReconciliationEntry["kind"], paise: number, provider_id: string, branch_id: string | null, mode?: string): ReconciliationEntry => ({ kind, paise, provider_id, branch_id, mode })

describe("reconciliation", () => {
  it("totals a day per branch and tender: net is captured less refunded, failed counted apart", () => {
    const { branches, totals } = reconcile([
      e("captured", 30_000_00, "pp_instore_cash", "br_mum"),
      e("captured", 1_07_365_00, "pp_instore_card", "br_mum"),
      e("captured", 12_000_00, "pp_instore_cash", "br_mum"),
      e("refunded", 2_500_00, "pp_instore_cash", "br_mum"),
      e("captured", 40_736_50, "pp_razorpay_razorpay", "br_pun", "payment_link"),
      e("failed", 40_736_50, "pp_razorpay_razorpay", "br_pun"),
      e("captured", 99_99, "pp_razorpay_razorpay", null),
    ])
    expect(branches.map((b) => b.branch_id)).toEqual(["br_mum", "br_pun", null])
    expect(branches[0].tenders.map((t) => [t.tender, t.captured, t.refunded, t.net_paise])).toEqual([
      ["cash", { count: 2, paise: 42_000_00 }, { count: 1, paise: 2_500_00 }, 39_500_00],
      ["card", { count: 1, paise: 1_07_365_00 }, { count: 0, paise: 0 }, 1_07_365_00],
    ])
    expect(branches[0].totals.net_paise).toBe(1_46_865_00)
    expect(branches[1].tenders.map((t) => [t.tender, t.label, t.captured.paise, t.failed])).toEqual([
      ["razorpay", "Razorpay", 0, { count: 1, paise: 40_736_50 }],
      ["razorpay_link", "Razorpay payment link", 40_736_50, { count: 0, paise: 0 }],
    ])
    expect(totals).toEqual({
      captured: { count: 5, paise: 30_000_00 + 1_07_365_00 + 12_000_00 + 40_736_50 + 99_99 },
      refunded: { count: 1, paise: 2_500_00 },
      failed: { count: 1, paise: 40_736_50 },
      net_paise: 30_000_00 + 1_07_365_00 + 12_000_00 + 40_736_50 + 99_99 - 2_500_00,
    })
  })

  it("adds whole paise only, and refuses a day beyond exact arithmetic", () => {
    // 10 000 bills of ₹9,99,99,999.99 and one paisa: exact.
    const big = [...Array.from({ length: 10_000 }, () => e("captured", 99_99_99_999_99, "pp_instore_card", "br_mum")), e("captured", 1, "pp_instore_card", "br_mum")]
    expect(reconcile(big).totals.captured).toEqual({ count: 10_001, paise: 99_99_99_999_99 * 10_000 + 1 })
    expect(() => reconcile([e("captured", 1.5, "pp_instore_cash", null)])).toThrow(/1.5 paise/)
    expect(() => reconcile([e("captured", Number.MAX_SAFE_INTEGER, "pp_instore_cash", null), e("captured", 2, "pp_instore_cash", null)])).toThrow(/too large/)
  })

  it("reads a payment link as a tender of its own", () => {
    expect(tenderOf({ provider_id: "pp_razorpay_razorpay", mode: "payment_link" })).toBe("razorpay_link")
    expect(tenderOf({ provider_id: "pp_razorpay_razorpay", mode: "checkout" })).toBe("razorpay")
    expect(tenderOf({ provider_id: "pp_instore_old_gold" })).toBe("old_gold")
  })
})
