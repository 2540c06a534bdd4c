import { GST_RATES } from "../pricing"
import { challanKind, repeatedTags, summarizeTransfer, transferStatusProblem, transferStockProblems, transferTaxPaise } from "../stock-transfer"

describe("stock transfers", () => {
  it("lets pieces leave only when their quantity is free at the sending branch", () => {
    expect(
      transferStockProblems(
        [
          { tag_code: "MUM-R-001", quantity: 1, stocked: 1, reserved: 0 },
          { tag_code: "MUM-R-002", quantity: 1, stocked: 0, reserved: 0 },
          { tag_code: "MUM-R-003", quantity: 1, stocked: 1, reserved: 1 },
          { tag_code: "COIN-5G", quantity: 4, stocked: 10, reserved: 7 },
          { tag_code: "COIN-10G", quantity: 3, stocked: 10, reserved: 7 },
        ],
        "Mumbai – Zaveri Bazaar"
      )
    ).toEqual([
      "MUM-R-002 is not in stock at Mumbai – Zaveri Bazaar",
      "MUM-R-003: 1 asked, 0 free at Mumbai – Zaveri Bazaar (1 in stock, 1 reserved for orders)",
      "COIN-5G: 4 asked, 3 free at Mumbai – Zaveri Bazaar (10 in stock, 7 reserved for orders)",
    ])
  })

  it("names a tag listed twice once, however it was typed", () => {
    expect(repeatedTags(["mum-r-001", "MUM-R-002", " MUM-R-001 ", "MUM-R-001", "mum-r-002"])).toEqual(["MUM-R-001", "MUM-R-002"])
    expect(repeatedTags(["A", "B"])).toEqual([])
  })

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
