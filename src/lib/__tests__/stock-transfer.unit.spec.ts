import { GST_RATES } from "../pricing"
import { challanKind, summarizeTransfer, transferStatusProblem, transferTaxPaise } from "../stock-transfer"

describe("stock transfers", () => {
  it("takes scans, a close or a cancel only while in transit", () => {
    expect(transferStatusProblem("in_transit", "scan")).toBeNull()
    expect(transferStatusProblem("received", "scan")).toBe("This transfer was received and closed; it takes no more scans")
    expect(transferStatusProblem("cancelled", "close")).toBe("This transfer was cancelled; it cannot be closed again")
    expect(transferStatusProblem("received", "cancel")).toBe("This transfer was received and closed; it cannot be cancelled")
  })

  it("sums a receipt: three pieces sent, two received, one short, one extra scanned", () => {
    const summary = summarizeTransfer([
      { result: "received", quantity: 1 },
      { result: "received", quantity: 5 },
      { result: "short", quantity: 1 },
      { result: "extra", quantity: 1 },
    ])
    expect(summary).toEqual({
      sent: { tags: 3, quantity: 7 },
      received: { tags: 2, quantity: 6 },
      in_transit: { tags: 0, quantity: 0 },
      short: { tags: 1, quantity: 1 },
      extra: { tags: 1, quantity: 1 },
      complete: false,
    })
    expect(summarizeTransfer([{ result: "received", quantity: 1 }]).complete).toBe(true)
    expect(summarizeTransfer([{ result: "in_transit", quantity: 1 }]).complete).toBe(false)
  })

  it("makes Mumbai → Bengaluru an inter-state supply with IGST and Mumbai → Pune a rule-55 challan", () => {
    expect(challanKind("27", "29")).toBe("inter_state")
    expect(challanKind("27", "27")).toBe("intra_state")
    // A ₹1,23,456.78 necklace at 3 %: ₹3,703.70 IGST (370 370.34 paise rounds to 370 370).
    expect(transferTaxPaise(12_345_678, GST_RATES["7113"])).toBe(370_370)
  })
})
