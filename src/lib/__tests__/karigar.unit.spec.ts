import { afterReceipt, fineMetalValuePaise, fineWeightMg, issueHsn, outstandingFineMg, receiptProblem, wastageAllowanceMg, type IssueAccount } from "../karigar"

// Worked example (docs/counter.md, "Karigars and job work"): 50.000 g of 22K (916) bar to a karigar for two
// bangles, 3 % wastage allowed.
const bar: IssueAccount = { number: "MUM/JW26-27/0001", status: "open", fine_weight_mg: fineWeightMg(50_000, 916), received_fine_mg: 0, wastage_fine_mg: 0, allowed_wastage_bps: 300 }

describe("karigar job work", () => {
  it("counts 50.000 g of 22K as 45.800 g fine, allows 1.374 g of wastage on it, and declares it at the 24K rate scaled to pure", () => {
    expect(bar.fine_weight_mg).toBe(45_800)
    expect(wastageAllowanceMg(45_800, 300)).toBe(1_374)
    // ₹7,850.00 a gram of 999: 45.800 g fine × 785 000 ÷ 999 = ₹3,59,889.89
    expect(fineMetalValuePaise(45_800, "gold", [{ metal: "gold", purity: 916, rate_per_g_paise: 719_000 }, { metal: "gold", purity: 999, rate_per_g_paise: 785_000 }])).toBe(35_988_989)
    expect(fineMetalValuePaise(45_800, "silver", [{ metal: "gold", purity: 999, rate_per_g_paise: 785_000 }])).toBeNull()
    expect(issueHsn("gold", "metal")).toBe("7108")
    expect(issueHsn("silver", "metal")).toBe("7106")
    expect(issueHsn("gold", "pieces")).toBe("7113")
  })

  it("settles when two bangles of 48.600 g (44.518 g fine) come back with 1.282 g of wastage", () => {
    const bangles = { fine_weight_mg: fineWeightMg(48_600, 916), wastage_fine_mg: 1_282 }
    expect(bangles.fine_weight_mg).toBe(44_518)
    expect(receiptProblem(bar, bangles)).toBeNull()
    const settled = afterReceipt(bar, bangles)
    expect(settled).toMatchObject({ received_fine_mg: 44_518, wastage_fine_mg: 1_282, status: "settled" })
    expect(outstandingFineMg(settled)).toBe(0)
    expect(receiptProblem(settled, { fine_weight_mg: 1, wastage_fine_mg: 0 })).toBe("Challan MUM/JW26-27/0001 is settled; it takes no more receipts")
  })

  it("keeps an issue open while metal is still out, and the karigar owes it", () => {
    const part = afterReceipt(bar, { fine_weight_mg: 22_000, wastage_fine_mg: 500 })
    expect(part.status).toBe("open")
    expect(outstandingFineMg(part)).toBe(23_300)
  })

  it("refuses a receipt beyond what was issued, wastage beyond the allowance, and an empty receipt", () => {
    expect(receiptProblem(bar, { fine_weight_mg: 45_000, wastage_fine_mg: 1_000 })).toBe(
      "this receipt (45.000 g fine back, 1.000 g wastage) exceeds what was issued on challan MUM/JW26-27/0001: 45.800 g fine issued, 0.000 g back and 0.000 g wastage so far, so at most 45.800 g more"
    )
    expect(receiptProblem(bar, { fine_weight_mg: 44_000, wastage_fine_mg: 1_400 })).toBe(
      "wastage 1.400 g fine is more than challan MUM/JW26-27/0001 allows: 3 % of 45.800 g is 1.374 g, 0.000 g claimed already"
    )
    const claimed = afterReceipt(bar, { fine_weight_mg: 10_000, wastage_fine_mg: 1_000 })
    expect(receiptProblem(claimed, { fine_weight_mg: 0, wastage_fine_mg: 375 })).toMatch(/1\.000 g claimed already/)
    expect(receiptProblem(claimed, { fine_weight_mg: 0, wastage_fine_mg: 374 })).toBeNull()
    expect(receiptProblem(bar, { fine_weight_mg: 0, wastage_fine_mg: 0 })).toBe("A receipt brings back some metal or claims some wastage")
  })
})
