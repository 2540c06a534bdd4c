import { priceStoredPiece } from "../pricing"
import { asksPriceChange, beyondLimits, billRateChanges, DEFAULT_PRICE_LIMITS, discountFingerprint, discountRequest } from "../price-controls"

// A 22K necklace with ₹12,480.00 making charge and a coin with ₹300.00 (docs/counter.md, "Discounts and approvals").
const necklace = { tag_code: "SGJ-NCK-1", quantity: 1, making_charge_paise: 12_480_00, making_discount_paise: 0 }
const coins = { tag_code: "SGJ-COIN-1", quantity: 2, making_charge_paise: 300_00, making_discount_paise: 0 }

describe("counter discounts: what a bill asks", () => {
  it("adds the making discounts and takes the largest share of one piece's making charge, rounded up", () => {
    const { request } = discountRequest([{ ...necklace, making_discount_paise: 1_248_00 }, { ...coins, making_discount_paise: 61_00 }], 100_00)
    // ₹1,248 of ₹12,480 is 10 %; ₹61 of 2 × ₹300 is 10.17 % (1016.6 bps → 1017).
    expect(request).toEqual({ making_discount_paise: 1_309_00, making_discount_bps: 1_017, bill_discount_paise: 100_00, rate_changes: [] })
    expect(asksPriceChange(request!)).toBe(true)
    expect(asksPriceChange(discountRequest([necklace], 0).request!)).toBe(false)
  })

  it("refuses a discount above a piece's making charge, on a piece without one, or negative", () => {
    expect(discountRequest([{ ...coins, making_discount_paise: 600_01 }], 0).problem).toBe("items: the making discount on SGJ-COIN-1 (₹600.01) is more than its making charge (₹600.00)")
    expect(discountRequest([{ ...necklace, making_charge_paise: null, making_discount_paise: 1 }], 0).problem).toBe("items: SGJ-NCK-1 has no making charge to discount")
    expect(discountRequest([{ ...necklace, making_discount_paise: -1 }], 0).problem).toContain("not negative")
    expect(discountRequest([necklace], -5).problem).toContain("bill_discount")
  })
})

describe("counter discounts: limits by role", () => {
  const request = { making_discount_paise: 6_000_00, making_discount_bps: 1_200, bill_discount_paise: 600_00, rate_changes: [] }
  it("names each limit a salesperson's request goes beyond", () => {
    expect(beyondLimits(request, DEFAULT_PRICE_LIMITS.sales_staff)).toEqual([
      "12 % off a piece's making charge (your limit 10 %)",
      "₹6,000.00 off making charges (your limit ₹5,000.00 a bill)",
      "₹600.00 off the bill (your limit ₹500.00)",
    ])
  })
  it("a manager's limits cover it, the owner has none, an accountant may give nothing", () => {
    expect(beyondLimits(request, DEFAULT_PRICE_LIMITS.branch_manager)).toEqual([])
    expect(beyondLimits({ making_discount_paise: 10 ** 9, making_discount_bps: 10_000, bill_discount_paise: 10 ** 9, rate_changes: [] }, DEFAULT_PRICE_LIMITS.owner)).toEqual([])
    expect(beyondLimits({ making_discount_paise: 1, making_discount_bps: 1, bill_discount_paise: 0, rate_changes: [] }, DEFAULT_PRICE_LIMITS.accountant)).toHaveLength(2)
  })
  it("fingerprints a bill's discounts whatever the order of its pieces or the case of its tags", () => {
    const a = discountFingerprint({ branch_id: "b", customer_id: "c", items: [{ tag_code: "x-1", quantity: 1, making_discount_paise: 5 }, { tag_code: "Y-2", quantity: 2, making_discount_paise: 0 }], bill_discount_paise: 0 })
    const b = discountFingerprint({ branch_id: "b", customer_id: "c", items: [{ tag_code: "y-2", quantity: 2, making_discount_paise: 0 }, { tag_code: "X-1", quantity: 1, making_discount_paise: 5 }], bill_discount_paise: 0 })
    expect(a).toBe(b)
    expect(a).not.toBe(discountFingerprint({ branch_id: "b", customer_id: "c", items: [{ tag_code: "x-1", quantity: 1, making_discount_paise: 6 }, { tag_code: "Y-2", quantity: 2, making_discount_paise: 0 }], bill_discount_paise: 0 }))
  })
})

describe("counter metal rates: a bill's own rate", () => {
  // Two 22K pieces priced at ₹7,250.00/g and a 18K ring at ₹5,940.00/g (docs/counter.md, "Discounts and approvals").
  const pieces = [
    { tag_code: "A", metal: "gold", purity: 916, rate_per_g_paise: 7_250_00 },
    { tag_code: "B", metal: "gold", purity: 916, rate_per_g_paise: 7_250_00 },
    { tag_code: "C", metal: "gold", purity: 750, rate_per_g_paise: 5_940_00 },
  ]
  const none = { making_discount_paise: 0, making_discount_bps: 0, bill_discount_paise: 0 }

  it("measures a rate from what the pieces are priced at; the same rate is no change", () => {
    expect(billRateChanges([{ metal: "gold", purity: 916, rate_per_g_paise: 7_300_00 }, { metal: "gold", purity: 750, rate_per_g_paise: 5_940_00 }], pieces)).toEqual({
      changes: [{ metal: "gold", purity: 916, from_paise: 7_250_00, to_paise: 7_300_00 }],
      problem: null,
    })
    // Pieces of one purity priced at two rates (one not yet repriced): measured from the higher, and any change counts.
    const stale = [...pieces, { tag_code: "D", metal: "gold", purity: 916, rate_per_g_paise: 7_200_00 }]
    expect(billRateChanges([{ metal: "gold", purity: 916, rate_per_g_paise: 7_250_00 }], stale).changes).toEqual([{ metal: "gold", purity: 916, from_paise: 7_250_00, to_paise: 7_250_00 }])
  })

  it("prices a piece at the bill's rate (docs/counter.md worked example: 3.2 g 22K ring, 8 % wastage)", () => {
    const ring = { net_weight_mg: 3_200, wastage_bp: 800, making_type: "flat" as const, making_value: 0, stones: null, other_charges_paise: 0, hsn: "7113" }
    const at = (rate: number) => priceStoredPiece(ring, rate, "27", "27").taxable_value
    expect(at(7_350_00) - at(7_250_00)).toBe(345_60)
    expect(at(7_250_00) - at(7_249_00)).toBe(3_46)
  })

  it("refuses a rate named twice, for a purity not on the bill, or of nothing", () => {
    expect(billRateChanges([{ metal: "gold", purity: 916, rate_per_g_paise: 1 }, { metal: "gold", purity: 916, rate_per_g_paise: 2 }], pieces).problem).toBe("rates: gold 916 is named twice")
    expect(billRateChanges([{ metal: "silver", purity: 925, rate_per_g_paise: 90_00 }], pieces).problem).toBe("rates: no piece on this bill is priced by the silver 925 rate")
    expect(billRateChanges([{ metal: "gold", purity: 916, rate_per_g_paise: 0 }], pieces).problem).toContain("above nothing")
  })

  it("sales staff may raise the rate, not lower it; managers either way; accountants neither", () => {
    const raised = { ...none, rate_changes: [{ metal: "gold", purity: 916, from_paise: 7_250_00, to_paise: 7_300_00 }] }
    const lowered = { ...none, rate_changes: [{ metal: "gold", purity: 916, from_paise: 7_250_00, to_paise: 7_200_00 }] }
    expect(asksPriceChange(raised)).toBe(true)
    expect(beyondLimits(raised, DEFAULT_PRICE_LIMITS.sales_staff)).toEqual([])
    expect(beyondLimits(lowered, DEFAULT_PRICE_LIMITS.sales_staff)).toEqual(["gold 916 at ₹7,200.00/g instead of ₹7,250.00/g (your role may only raise the metal rate)"])
    expect(beyondLimits(lowered, DEFAULT_PRICE_LIMITS.branch_manager)).toEqual([])
    expect(beyondLimits(raised, DEFAULT_PRICE_LIMITS.accountant)).toEqual(["gold 916 at ₹7,300.00/g instead of ₹7,250.00/g (your role may not change the metal rate)"])
  })

  it("a bill's rates are part of its fingerprint; a bill without them keeps the fingerprint it had", () => {
    const bill = { branch_id: "b", customer_id: "c", items: [{ tag_code: "A", quantity: 1, making_discount_paise: 0 }], bill_discount_paise: 100 }
    expect(discountFingerprint({ ...bill, rates: [] })).toBe(discountFingerprint(bill))
    expect(discountFingerprint({ ...bill, rates: [{ metal: "gold", purity: 916, rate_per_g_paise: 7_300_00 }] })).not.toBe(discountFingerprint({ ...bill, rates: [{ metal: "gold", purity: 916, rate_per_g_paise: 7_301_00 }] }))
  })
})
