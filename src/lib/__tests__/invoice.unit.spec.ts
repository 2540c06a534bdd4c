/**
 * Invoices and credit notes built from the worked examples of docs/pricing.md
 * (figures worked out by hand there), one line per piece, with the GST split
 * by place of supply, the round-off line and the total in words. Paise.
 */
import { amountInWords, numberInIndianWords } from "../amount-in-words"
import { buildCreditNote, buildInvoice, EXCHANGE_CREDIT_LABEL, splitEvenly, type InvoiceInput, type OrderPiece, type PieceFacts } from "../invoice"
import { gstStateCodeOf, placeOfSupply } from "../place-of-supply"
import { documentFileName, documentNumber, financialYear, parseDocumentNumber } from "../tax-documents"

const RATE_22K = 724550

/** Example 1's ring: 22K, 8.350 g, ₹450/g making, ₹45 hallmark fee. */
const ring: PieceFacts = {
  metal: "gold",
  purity: 916,
  gross_weight_mg: 8350,
  net_weight_mg: 8350,
  stone_weight_mg: 0,
  wastage_bp: 0,
  making_type: "per_gram",
  making_value: 45000,
  stones: null,
  other_charges_paise: 4500,
  hsn: "7113",
  huid: "AB12CD",
  tag_code: "MUM-R-0001",
}

/** Example 3's chain: 22K, 12.500 g, 8 % wastage, ₹300/g making. */
const chain: PieceFacts = { ...ring, gross_weight_mg: 12500, net_weight_mg: 12500, wastage_bp: 800, making_value: 30000, other_charges_paise: 0, huid: null, tag_code: "MUM-C-0001" }

/** Example 11's bangle: 22K, 18.000 g, 6 % wastage, ₹350/g making. */
const bangle: PieceFacts = { ...ring, gross_weight_mg: 18000, net_weight_mg: 18000, wastage_bp: 600, making_value: 35000, other_charges_paise: 0, huid: "ZX98YW", tag_code: "MUM-B-0001" }

const line = (piece: PieceFacts, unit_price_paise: number, extra: Partial<OrderPiece> = {}): OrderPiece => ({
  item_id: `item_${piece.tag_code}`,
  description: `22K piece ${piece.tag_code}`,
  sku: piece.tag_code,
  quantity: 1,
  unit_price_paise,
  discount_paise: 0,
  piece,
  rate_candidates: [RATE_22K],
  ...extra,
})

const mumbai = {
  shop_name: "Shree Ganesh Jewellers",
  branch_code: "MUM",
  branch_name: "Mumbai – Zaveri Bazaar",
  city: "Mumbai",
  name: "Shree Ganesh Jewellers – Mumbai – Zaveri Bazaar",
  address_lines: ["112 Sheikh Memon Street", "Zaveri Bazaar", "Mumbai 400002"],
  gstin: "27AAACJ1234M1ZM",
  state_code: "27",
  state_name: "Maharashtra",
  phone: "+912222400100",
  email: null,
}
const buyer = { name: "Meera Shah", address_lines: [], gstin: null, state_code: null, state_name: null, phone: "+919820012345", email: null }

function invoice(pieces: OrderPiece[], supply: "counter" | "KA", extra: Partial<InvoiceInput> = {}) {
  return buildInvoice({
    order: { id: "order_1", display_id: 1042, placed_at: "2026-12-01T10:00:00.000Z" },
    seller: mumbai,
    buyer,
    place_of_supply: placeOfSupply({ delivery: supply !== "counter", shipping_province: supply === "KA" ? "in-ka" : null, branch_state_code: "27" }),
    pieces,
    charges: [],
    discounts: [],
    tenders: [],
    ...extra,
  })
}

describe("tax invoice", () => {
  it("example 1: the ring sold at the Mumbai counter, CGST + SGST, rounded up by 49 paise", () => {
    const doc = invoice([line(ring, 6430243)], "counter")
    expect(doc.lines).toHaveLength(1)
    expect(doc.lines[0]).toEqual(
      expect.objectContaining({
        hsn: "7113",
        huid: "AB12CD",
        karat: "22K",
        rate_per_g: 724550,
        metal_value: 6049993,
        wastage_value: 0,
        making_charge: 375750,
        other_charges: 4500,
        taxable_value: 6430243,
        cgst: 96454,
        sgst: 96454,
        igst: 0,
        total: 6623151,
        basis: "breakdown",
      })
    )
    expect(doc.totals).toEqual(
      expect.objectContaining({ taxable_value: 6430243, cgst: 96454, sgst: 96454, igst: 0, total: 6623151, round_off: 49, grand_total: 6623200 })
    )
    expect(doc.amount_in_words).toBe("Rupees Sixty-Six Thousand Two Hundred Thirty-Two Only")
    expect(doc.place_of_supply).toEqual(expect.objectContaining({ state_code: "27", basis: "counter" }))
  })

  it("example 2: the same ring delivered to Karnataka is IGST; delivery is taxed at the jewellery's rate", () => {
    const doc = invoice([line(ring, 6430243)], "KA", { charges: [{ description: "Insured delivery", amount_paise: 50000, discount_paise: 0 }] })
    expect(doc.lines[0]).toEqual(expect.objectContaining({ cgst: 0, sgst: 0, igst: 192907, total: 6623150 }))
    expect(doc.charges).toEqual([expect.objectContaining({ sac: "9968", taxable_value: 50000, igst: 1500, total: 51500 })])
    // 66,231.50 + 515.00 = 66,746.50 → 66,747 (+0.50).
    expect(doc.totals).toEqual(expect.objectContaining({ taxable_value: 6480243, igst: 194407, total: 6674650, round_off: 50, grand_total: 6674700 }))
    expect(doc.place_of_supply).toEqual(expect.objectContaining({ state_code: "29", state_name: "Karnataka", basis: "delivery" }))
  })

  it("examples 3 and 11: one line per piece, an offer taken off the bangle before GST, total in lakh", () => {
    const doc = invoice([line(chain, 10156425), line(bangle, 14454414, { discount_paise: 200000 })], "counter", {
      discounts: [{ code: "DIWALI2000", label: "Offer DIWALI2000", amount: 206000 }],
    })
    expect(doc.lines.map((l) => [l.metal_value, l.wastage_value, l.making_charge, l.discount, l.taxable_value, l.cgst, l.total])).toEqual([
      [9056875, 724550, 375000, 0, 10156425, 152346, 10461117],
      [13041900, 782514, 630000, 200000, 14254414, 213816, 14682046],
    ])
    expect(doc.totals).toEqual(expect.objectContaining({ discount: 200000, taxable_value: 24410839, total: 25143163, round_off: 37, grand_total: 25143200 }))
    expect(doc.amount_in_words).toBe("Rupees Two Lakh Fifty-One Thousand Four Hundred Thirty-Two Only")
  })

  it("prints a price no known rate explains as charged, with its weights, and fixed-price goods likewise", () => {
    const doc = invoice([line(ring, 6500000), line(ring, 6430243, { piece: null, description: "Gift box" })], "counter")
    expect(doc.lines.map((l) => [l.basis, l.rate_per_g, l.net_weight_mg, l.taxable_value, l.cgst])).toEqual([
      ["as_charged", null, 8350, 6500000, 97500],
      ["as_charged", null, null, 6430243, 96454],
    ])
  })

  it("takes the first rate that explains the unit price (the rate of the day the piece was put in the cart)", () => {
    const doc = invoice([line(ring, 6430243, { rate_candidates: [730000, RATE_22K] })], "counter")
    expect(doc.lines[0]).toEqual(expect.objectContaining({ rate_per_g: RATE_22K, basis: "breakdown" }))
  })

  it("splits a line of three coins into three pieces, sharing its discount", () => {
    expect(splitEvenly(100, 3)).toEqual([34, 33, 33])
    expect(splitEvenly(0, 2)).toEqual([0, 0])
    const doc = invoice([line(ring, 6430243, { quantity: 3, discount_paise: 100 })], "counter")
    expect(doc.lines.map((l) => [l.unit, l.discount, l.taxable_value])).toEqual([
      [1, 34, 6430209],
      [2, 33, 6430210],
      [3, 33, 6430210],
    ])
  })

  it("an exchange's invoice: the ring taken for a returned chain is paid by the difference, and the chain's credit makes up the rest", () => {
    // The ring comes to ₹66,232 (example 1); the customer paid ₹20,000 more at the counter, so the returned piece met ₹46,232.
    const paid = { label: "Upi", amount: 2000000, reference: "pay_1", status: "captured" }
    const doc = invoice([line(ring, 6430243)], "counter", { tenders: [paid], exchange: { id: "oexc_1", display_id: 7 } })
    expect(doc.totals.grand_total).toBe(6623200)
    expect(doc.tenders).toEqual([paid, { label: EXCHANGE_CREDIT_LABEL, amount: 4623200, reference: "oexc_1", status: "credited" }])
    expect(doc.tendered).toBe(6623200)
    expect(doc.exchange).toEqual({ id: "oexc_1", display_id: 7 })
    expect(doc.terms[0]).toBe("Pieces taken in exchange #7 for a piece returned; the returned piece is on its credit note.")
    // Paid in full at the counter: no credit line. An ordinary invoice has none either.
    expect(invoice([line(ring, 6430243)], "counter", { tenders: [{ ...paid, amount: 6623200 }], exchange: { id: "oexc_1", display_id: 7 } }).tenders).toHaveLength(1)
    expect(invoice([line(ring, 6430243)], "counter", { tenders: [paid] }).tenders).toEqual([paid])
  })

  it("refuses an order with nothing to invoice and a discount larger than the piece", () => {
    expect(() => invoice([], "counter")).toThrow(/no lines/)
    expect(() => invoice([line(ring, 6430243, { discount_paise: 6430244 })], "counter")).toThrow(/more than its price/)
  })
})

describe("credit note", () => {
  const billed = { ...invoice([line(ring, 6430243, { quantity: 3 }), line(chain, 10156425)], "counter"), number: "MUM/2026-27/000007", issued_at: "2026-12-01T10:00:00.000Z" }
  const ringItem = `item_${ring.tag_code}`

  it("takes back the returned pieces at the amounts they were billed at", () => {
    const note = buildCreditNote({ invoice: billed, returned: [{ item_id: ringItem, quantity: 1 }], already_credited: {}, return_id: "ret_1", reason: "size" })
    expect(note.type).toBe("credit_note")
    expect(note.against).toEqual({ number: "MUM/2026-27/000007", issued_at: "2026-12-01T10:00:00.000Z" })
    expect(note.lines).toEqual([billed.lines[0]])
    expect(note.totals).toEqual(expect.objectContaining({ taxable_value: 6430243, cgst: 96454, total: 6623151, grand_total: 6623200 }))
    expect(note.tenders).toEqual([])
  })

  it("skips pieces credited before and refuses more than were billed", () => {
    const second = buildCreditNote({ invoice: billed, returned: [{ item_id: ringItem, quantity: 2 }], already_credited: { [ringItem]: 1 }, return_id: "ret_2", reason: null })
    expect(second.lines.map((l) => l.unit)).toEqual([2, 3])
    expect(() => buildCreditNote({ invoice: billed, returned: [{ item_id: ringItem, quantity: 1 }], already_credited: { [ringItem]: 3 }, return_id: "ret_3", reason: null })).toThrow(/already credited/)
    expect(() => buildCreditNote({ invoice: billed, returned: [{ item_id: "item_x", quantity: 1 }], already_credited: {}, return_id: "ret_4", reason: null })).toThrow(/not on invoice/)
  })
})

describe("amounts in words (Indian numbering)", () => {
  it.each([
    [0, "Zero"],
    [7, "Seven"],
    [19, "Nineteen"],
    [21, "Twenty-One"],
    [100, "One Hundred"],
    [101, "One Hundred One"],
    [999, "Nine Hundred Ninety-Nine"],
    [1000, "One Thousand"],
    [99_999, "Ninety-Nine Thousand Nine Hundred Ninety-Nine"],
    [100_000, "One Lakh"],
    [104_611, "One Lakh Four Thousand Six Hundred Eleven"],
    [1_000_000, "Ten Lakh"],
    [10_000_000, "One Crore"],
    [123_456_789, "Twelve Crore Thirty-Four Lakh Fifty-Six Thousand Seven Hundred Eighty-Nine"],
    [1_000_000_000, "One Hundred Crore"],
    [1_000_000_000_000, "One Lakh Crore"],
  ])("%d is %s", (n, words) => {
    expect(numberInIndianWords(n)).toBe(words)
  })

  it("writes rupees and paise", () => {
    expect(amountInWords(6623200)).toBe("Rupees Sixty-Six Thousand Two Hundred Thirty-Two Only")
    expect(amountInWords(6623150)).toBe("Rupees Sixty-Six Thousand Two Hundred Thirty-One and Fifty Paise Only")
    expect(amountInWords(1)).toBe("Rupees Zero and One Paise Only")
    expect(() => amountInWords(-100)).toThrow()
    expect(() => amountInWords(1.5)).toThrow()
  })
})

describe("document numbers", () => {
  it("writes every kind within GST Rule 46's 16 characters, and refuses a number that would not fit", () => {
    expect(documentNumber("invoice", "MUM", "2026-27", 123)).toBe("MUM/26-27/000123")
    expect(documentNumber("credit_note", "BLR", "2026-27", 4)).toBe("BLR/CN26-27/0004")
    expect(documentNumber("old_gold_voucher", "MUM", "2026-27", 123)).toBe("MUM/OG26-27/0123")
    expect(documentNumber("invoice", "B1", "2026-27", 42)).toBe("B1/26-27/0000042")
    expect(documentNumber("invoice", "MUM", "2026-27", 999_999)).toHaveLength(16)
    expect(documentNumber("credit_note", "MUMBAI", "2026-27", 9)).toBe("MUMBAI/CN26-27/9")
    expect(() => documentNumber("invoice", "MUM", "2026-27", 1_000_000)).toThrow("The invoice series of branch MUM for 2026-27 is full")
    expect(() => documentNumber("old_gold_voucher", "MUM", "2026-27", 10_000)).toThrow("The old gold voucher series of branch MUM for 2026-27 is full")
    expect(() => documentNumber("credit_note", "MUMBAI", "2026-27", 10)).toThrow("a shorter branch code leaves more room")
  })

  it("never prints one number for two documents: kinds and branches cannot run into each other", () => {
    const numbers = new Set<string>()
    for (const branch of ["MUM", "MUMCN", "MUMOG", "MUMSC", "CN", "OG", "SC", "M"]) {
      for (const type of ["invoice", "credit_note", "old_gold_voucher", "savings_scheme"] as const) {
        for (const sequence of [1, 9, 10, 99]) {
          const number = documentNumber(type, branch, "2026-27", sequence)
          expect(number.length).toBeLessThanOrEqual(16)
          expect(numbers.has(number)).toBe(false)
          numbers.add(number)
          expect(parseDocumentNumber(number)).toEqual({ type, branch_code: branch, fy: "2026-27", sequence })
        }
      }
    }
  })

  it("counts financial years from 1 April, India time", () => {
    expect(financialYear(new Date("2026-03-31T18:29:59Z"))).toBe("2025-26") // 23:59:59 IST on 31 March
    expect(financialYear(new Date("2026-03-31T18:30:00Z"))).toBe("2026-27") // midnight IST, 1 April
    expect(financialYear(new Date("2026-12-01T10:00:00Z"))).toBe("2026-27")
    expect(financialYear(new Date("2099-06-01T00:00:00Z"))).toBe("2099-00")
  })

  it("reads back numbers of either form; those issued before the 16-character form keep theirs", () => {
    expect(parseDocumentNumber("MUM/26-27/000123")).toEqual({ type: "invoice", branch_code: "MUM", fy: "2026-27", sequence: 123 })
    expect(parseDocumentNumber("BLR/CN26-27/0004")).toEqual({ type: "credit_note", branch_code: "BLR", fy: "2026-27", sequence: 4 })
    expect(parseDocumentNumber("MUM/2026-27/000123")).toEqual({ type: "invoice", branch_code: "MUM", fy: "2026-27", sequence: 123 })
    expect(parseDocumentNumber("BLR/CN/2026-27/000004")).toEqual({ type: "credit_note", branch_code: "BLR", fy: "2026-27", sequence: 4 })
    expect(parseDocumentNumber("MUMBAI1/26-27/0001")).toBeNull()
    expect(parseDocumentNumber("INV-1")).toBeNull()
    expect(documentFileName("MUM/26-27/000123")).toBe("MUM-26-27-000123.pdf")
    expect(() => documentNumber("invoice", "MUM", "2026-27", 0)).toThrow()
    expect(() => documentNumber("invoice", "mum/x", "2026-27", 1)).toThrow()
  })
})

describe("place of supply", () => {
  it("reads the state of an address however it is written", () => {
    expect(gstStateCodeOf("in-mh")).toBe("27")
    expect(gstStateCodeOf("KA")).toBe("29")
    expect(gstStateCodeOf(" Karnataka ")).toBe("29")
    expect(gstStateCodeOf("Orissa")).toBe("21")
    expect(gstStateCodeOf("in-tg")).toBe("36")
    expect(gstStateCodeOf("07")).toBe("07")
    expect(gstStateCodeOf("25")).toBeNull()
    expect(gstStateCodeOf("Bavaria")).toBeNull()
    expect(gstStateCodeOf(null)).toBeNull()
  })

  it("uses the delivery state for shipments and the branch's for pickup; an unknown state falls back with a note", () => {
    expect(placeOfSupply({ delivery: true, shipping_province: "in-ka", branch_state_code: "27" })).toEqual({ state_code: "29", state_name: "Karnataka", basis: "delivery", note: null })
    expect(placeOfSupply({ delivery: false, shipping_province: "in-ka", branch_state_code: "27" })).toEqual({ state_code: "27", state_name: "Maharashtra", basis: "counter", note: null })
    expect(placeOfSupply({ delivery: true, shipping_province: "Bavaria", branch_state_code: "27" })).toEqual(
      expect.objectContaining({ state_code: "27", basis: "counter", note: expect.stringMatching(/Bavaria/) })
    )
  })
})
