import { buildJobInvoice, type JobInvoiceInput } from "../invoice"
import {
  advanceProblem,
  balanceTendersProblem,
  jobBill,
  jobCashProblem,
  jobCharges,
  jobGstRate,
  jobPhotosProblem,
  jobStepProblem,
  JOB_SERVICE_SAC,
  minimumWeightOut,
  netPaid,
  refundsFor,
  taxInAdvance,
  weightOutProblem,
} from "../workshop"

describe("job cards", () => {
  it("goes received → with the karigar → ready → delivered, may skip the karigar or go back to him, and stops once delivered or cancelled", () => {
    expect(jobStepProblem("received", "with_karigar")).toBeNull()
    expect(jobStepProblem("received", "ready")).toBeNull()
    expect(jobStepProblem("ready", "with_karigar")).toBeNull()
    expect(jobStepProblem("ready", "delivered")).toBeNull()
    expect(jobStepProblem("with_karigar", "cancelled")).toBeNull()
    expect(jobStepProblem("received", "delivered")).toBe("A job received cannot become delivered; next: with the karigar, ready for pickup, cancelled")
    expect(jobStepProblem("delivered", "ready")).toBe("This job was delivered; it moves no further")
    expect(jobStepProblem("cancelled", "received")).toBe("This job was cancelled; it moves no further")
  })

  it("lets a 12.480 g chain come back from soldering at 12.418 g (0.5 % allowed: at least 12.418 g), not at 12.417 g", () => {
    expect(minimumWeightOut(12_480, 50)).toBe(12_418)
    const chain = { kind: "repair" as const, net_weight_in_mg: 12_480, allowed_loss_bps: 50, adds_material: false }
    expect(weightOutProblem(chain, 12_418)).toBeNull()
    expect(weightOutProblem(chain, 12_480)).toBeNull()
    expect(weightOutProblem(chain, 12_417)).toBe(
      "weight out 12.417 g is below what the job allows: 12.480 g in, at most 0.5 % loss, so at least 12.418 g; weigh it again or settle the loss with the customer first"
    )
    expect(weightOutProblem(chain, 12_600)).toBe("weight out 12.600 g is more than went in (12.480 g) on a repair that adds no metal or stones; weigh it again")
    expect(weightOutProblem({ ...chain, adds_material: true }, 12_600)).toBeNull()
  })

  it("takes a custom order's weight as made", () => {
    expect(weightOutProblem({ kind: "custom_order", net_weight_in_mg: 0, allowed_loss_bps: 50, adds_material: true }, 8_250)).toBeNull()
  })
})

describe("job card photos", () => {
  it("keeps up to 12 a job, none on a cancelled job", () => {
    expect(jobPhotosProblem("received", 0, 3)).toBeNull()
    expect(jobPhotosProblem("delivered", 10, 2)).toBeNull()
    expect(jobPhotosProblem("ready", 10, 3)).toBe("A job card keeps at most 12 photos; it has 10, so 2 more at most")
    expect(jobPhotosProblem("cancelled", 0, 1)).toBe("This job was cancelled; it takes no more photos")
  })
})

describe("a job's money", () => {
  const chain = { status: "ready" as const, estimate_paise: 450_00 }

  it("bills a repair of ₹450 at 18 % (no GSTIN): ₹40.50 CGST + ₹40.50 SGST = ₹531; after a ₹200 advance ₹331 is due", () => {
    expect(jobGstRate(null)).toBe(18_000)
    expect(jobBill(450_00, jobGstRate(null), 200_00)).toEqual({
      charges_paise: 450_00,
      gst_rate: 18_000,
      cgst_paise: 40_50,
      sgst_paise: 40_50,
      total_paise: 531_00,
      grand_total_paise: 531_00,
      paid_paise: 200_00,
      balance_paise: 331_00,
    })
  })

  it("bills job work for a customer with a GSTIN at 5 %: ₹450 + ₹11.25 + ₹11.25 = ₹472.50, ₹473 to the rupee", () => {
    expect(jobGstRate("27AAPFU0939F1ZV")).toBe(5_000)
    expect(jobBill(450_00, jobGstRate("27AAPFU0939F1ZV"), 0)).toMatchObject({ cgst_paise: 11_25, total_paise: 472_50, grand_total_paise: 473_00, balance_paise: 473_00 })
  })

  it("hands back what the advances paid beyond a smaller bill: ₹531 paid, ₹300 of work (₹354) leaves ₹177 to refund", () => {
    expect(jobBill(300_00, 18_000, 531_00).balance_paise).toBe(-177_00)
    expect(balanceTendersProblem(jobBill(300_00, 18_000, 531_00), 0)).toBeNull()
  })

  it("hands money back the way it came, the latest advance first: ₹100 cash then ₹250 UPI, ₹300 back is ₹250 UPI and ₹50 cash", () => {
    const paid = [
      { kind: "advance" as const, tender: "cash" as const, amount_paise: 100_00 },
      { kind: "advance" as const, tender: "upi" as const, amount_paise: 250_00 },
    ]
    expect(netPaid(paid)).toBe(350_00)
    expect(refundsFor(paid, 300_00)).toEqual([
      { tender: "upi", amount_paise: 250_00 },
      { tender: "cash", amount_paise: 50_00 },
    ])
    expect(refundsFor(paid, 80_00)).toEqual([{ tender: "upi", amount_paise: 80_00 }])
    const refund = { kind: "refund" as const, tender: "upi" as const, amount_paise: 80_00 }
    expect(netPaid([...paid, refund])).toBe(270_00)
  })

  it("needs the tenders at delivery to meet the balance exactly", () => {
    const bill = jobBill(450_00, 18_000, 200_00)
    expect(balanceTendersProblem(bill, 331_00)).toBeNull()
    expect(balanceTendersProblem(bill, 0)).toBe("The balance is ₹331.00 (the bill is ₹531.00, ₹200.00 paid in advance); the tenders come to ₹0.00")
    expect(balanceTendersProblem(jobBill(450_00, 18_000, 531_00), 100_00)).toBe("Nothing is left to pay (the bill is ₹531.00, ₹531.00 paid in advance); deliver without tenders")
  })

  it("takes advances up to the estimate with GST (₹531 on ₹450), none on a closed job", () => {
    expect(advanceProblem(chain, 0, 531_00)).toBeNull()
    expect(advanceProblem(chain, 500_00, 31_01)).toBe("Advances would come to ₹531.01, more than the estimate with GST (₹531.00); ₹31.00 more at most")
    expect(advanceProblem({ status: "ready", estimate_paise: null }, 0, 10_000_00)).toBeNull()
    expect(advanceProblem({ ...chain, status: "delivered" }, 0, 100_00)).toBe("This job was delivered; it takes no advance")
    expect(advanceProblem(chain, 0, 0)).toBe("An advance must be above ₹0")
  })

  it("bills the estimate unless the counter gives the charges, and asks for them when there is no estimate", () => {
    expect(jobCharges({ number: "J1", estimate_paise: 450_00 }, undefined)).toEqual({ charges: 450_00, problem: null })
    expect(jobCharges({ number: "J1", estimate_paise: 450_00 }, 0)).toEqual({ charges: 0, problem: null })
    expect(jobCharges({ number: "J1", estimate_paise: null }, null)).toEqual({ charges: null, problem: "charges: job J1 has no estimate; say what the work costs (0 for none)" })
  })

  it("refuses ₹2,00,000 or more in cash for one job (s.269ST), taking ₹1,99,999.99", () => {
    expect(jobCashProblem(1_99_999_99)).toBeNull()
    expect(jobCashProblem(2_00_000_00)).toBe("cash of ₹2,00,000.00 or more for one job is not allowed (Income Tax Act s.269ST): this would make ₹2,00,000.00 in cash; take it by card or UPI")
  })

  it("shows the GST an advance for work holds: ₹200 at 18 % holds ₹30.51", () => {
    expect(taxInAdvance(200_00, 18_000)).toBe(30_51)
    expect(taxInAdvance(118_00, 18_000)).toBe(18_00)
  })

  it("invoices the work as one service line at SAC 998892 with the advances and balance that paid it", () => {
    const party = { name: "Asha Mehta", address_lines: [], gstin: null, state_code: "27", state_name: "Maharashtra", phone: null, email: null }
    const input: JobInvoiceInput = {
      job: { id: "job_1", number: "MUM/JC26-27/0001", received_at: "2026-12-01T05:00:00.000Z", description: "Repair: 22K rope chain — solder the clasp" },
      seller: { ...party, shop_name: "Demo Jewellers", branch_code: "MUM", branch_name: "Mumbai", city: "Mumbai", gstin: "27AAPFU0939F1ZV" },
      buyer: party,
      place_of_supply: { state_code: "27", state_name: "Maharashtra", basis: "counter", note: null },
      charges_paise: 450_00,
      sac: JOB_SERVICE_SAC,
      gst_rate: 18_000,
      tenders: [
        { label: "Advance, Cash (receipt MUM/RV26-27/0001)", amount: 200_00, reference: null, status: "received" },
        { label: "Balance, UPI", amount: 331_00, reference: "UPI-1", status: "received" },
      ],
    }
    const body = buildJobInvoice(input)
    expect(body.lines).toEqual([])
    expect(body.charges).toEqual([expect.objectContaining({ sac: "998892", taxable_value: 450_00, gst_rate: 18_000, cgst: 40_50, sgst: 40_50, igst: 0, total: 531_00 })])
    expect(body.totals).toMatchObject({ taxable_value: 450_00, gst_total: 81_00, grand_total: 531_00 })
    expect([body.tendered, body.job, body.order.id]).toEqual([531_00, { id: "job_1", number: "MUM/JC26-27/0001" }, "job_1"])
    expect(() => buildJobInvoice({ ...input, job: { ...input.job, number: "X" }, charges_paise: 0 })).toThrow(
      "Job X: an invoice needs charges above ₹0"
    )
  })
})
