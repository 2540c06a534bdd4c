import { asksDiscount, beyondLimits, DEFAULT_PRICE_LIMITS, discountFingerprint, discountRequest } from "../price-controls"

// A 22K necklace with ₹12,480.00 making charge and a coin with ₹300.00 (docs/counter.md, "Discounts and approvals").
const necklace = { tag_code: "SGJ-NCK-1", quantity: 1, making_charge_paise: 12_480_00, making_discount_paise: 0 }
const coins = { tag_code: "SGJ-COIN-1", quantity: 2, making_charge_paise: 300_00, making_discount_paise: 0 }

describe("counter discounts: what a bill asks", () => {
  it("adds the making discounts and takes the largest share of one piece's making charge, rounded up", () => {
    const { request } = discountRequest([{ ...necklace, making_discount_paise: 1_248_00 }, { ...coins, making_discount_paise: 61_00 }], 100_00)
    // ₹1,248 of ₹12,480 is 10 %; ₹61 of 2 × ₹300 is 10.17 % (1016.6 bps → 1017).
    expect(request).toEqual({ making_discount_paise: 1_309_00, making_discount_bps: 1_017, bill_discount_paise: 100_00 })
    expect(asksDiscount(request!)).toBe(true)
    expect(asksDiscount(discountRequest([necklace], 0).request!)).toBe(false)
  })

  it("refuses a discount above a piece's making charge, on a piece without one, or negative", () => {
    expect(discountRequest([{ ...coins, making_discount_paise: 600_01 }], 0).problem).toBe("items: the making discount on SGJ-COIN-1 (₹600.01) is more than its making charge (₹600.00)")
    expect(discountRequest([{ ...necklace, making_charge_paise: null, making_discount_paise: 1 }], 0).problem).toBe("items: SGJ-NCK-1 has no making charge to discount")
    expect(discountRequest([{ ...necklace, making_discount_paise: -1 }], 0).problem).toContain("not negative")
    expect(discountRequest([necklace], -5).problem).toContain("bill_discount")
  })
})

describe("counter discounts: limits by role", () => {
  const request = { making_discount_paise: 6_000_00, making_discount_bps: 1_200, bill_discount_paise: 600_00 }
  it("names each limit a salesperson's request goes beyond", () => {
    expect(beyondLimits(request, DEFAULT_PRICE_LIMITS.sales_staff)).toEqual([
      "12 % off a piece's making charge (your limit 10 %)",
      "₹6,000.00 off making charges (your limit ₹5,000.00 a bill)",
      "₹600.00 off the bill (your limit ₹500.00)",
    ])
  })
  it("a manager's limits cover it, the owner has none, an accountant may give nothing", () => {
    expect(beyondLimits(request, DEFAULT_PRICE_LIMITS.branch_manager)).toEqual([])
    expect(beyondLimits({ making_discount_paise: 10 ** 9, making_discount_bps: 10_000, bill_discount_paise: 10 ** 9 }, DEFAULT_PRICE_LIMITS.owner)).toEqual([])
    expect(beyondLimits({ making_discount_paise: 1, making_discount_bps: 1, bill_discount_paise: 0 }, DEFAULT_PRICE_LIMITS.accountant)).toHaveLength(2)
  })
  it("fingerprints a bill's discounts whatever the order of its pieces or the case of its tags", () => {
    const a = discountFingerprint({ branch_id: "b", customer_id: "c", items: [{ tag_code: "x-1", quantity: 1, making_discount_paise: 5 }, { tag_code: "Y-2", quantity: 2, making_discount_paise: 0 }], bill_discount_paise: 0 })
    const b = discountFingerprint({ branch_id: "b", customer_id: "c", items: [{ tag_code: "y-2", quantity: 2, making_discount_paise: 0 }, { tag_code: "X-1", quantity: 1, making_discount_paise: 5 }], bill_discount_paise: 0 })
    expect(a).toBe(b)
    expect(a).not.toBe(discountFingerprint({ branch_id: "b", customer_id: "c", items: [{ tag_code: "x-1", quantity: 1, making_discount_paise: 6 }, { tag_code: "Y-2", quantity: 2, making_discount_paise: 0 }], bill_discount_paise: 0 }))
  })
})
