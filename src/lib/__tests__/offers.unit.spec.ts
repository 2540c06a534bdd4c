import { automaticAudience, campaignTermsProblems, describeOffer, isCartDependent, newOfferCode, occasionSql, offerDiscountPaise, offerExpiry } from "../offers"

const NOW = new Date("2026-12-01T06:30:00.000Z")

describe("offer discounts (paise)", () => {
  const cart = { goods_paise: 8_540_000, making_paise: 1_230_000 } // ₹85,400 of goods, ₹12,300 of it making

  it("takes a percentage of the goods before GST, half-up to the paisa, within its cap", () => {
    // 12.5 % of ₹85,400 = ₹10,675.00
    expect(offerDiscountPaise({ offer_type: "percentage", offer_value: 1250 }, cart)).toBe(1_067_500)
    expect(offerDiscountPaise({ offer_type: "percentage", offer_value: 1250, max_discount: 500_000 }, cart)).toBe(500_000)
    // 3.33 % of ₹0.15 = 0.4995 paise → 0; of ₹0.16 = 0.5328 → 1 paisa
    expect(offerDiscountPaise({ offer_type: "percentage", offer_value: 333 }, { goods_paise: 15, making_paise: 0 })).toBe(0)
    expect(offerDiscountPaise({ offer_type: "percentage", offer_value: 333 }, { goods_paise: 16, making_paise: 0 })).toBe(1)
  })

  it("takes a share of the making charges only", () => {
    // 25 % of ₹12,300 making = ₹3,075
    expect(offerDiscountPaise({ offer_type: "making_percentage", offer_value: 2500 }, cart)).toBe(307_500)
    expect(offerDiscountPaise({ offer_type: "making_percentage", offer_value: 2500 }, { goods_paise: 790_000, making_paise: 0 })).toBe(0)
  })

  it("gives a fixed amount, never more than the goods, and nothing under the minimum order", () => {
    expect(offerDiscountPaise({ offer_type: "fixed", offer_value: 200_000 }, cart)).toBe(200_000)
    expect(offerDiscountPaise({ offer_type: "fixed", offer_value: 200_000 }, { goods_paise: 150_000, making_paise: 0 })).toBe(150_000)
    expect(offerDiscountPaise({ offer_type: "fixed", offer_value: 200_000, min_order: 10_000_000 }, cart)).toBe(0)
    expect(offerDiscountPaise({ offer_type: "fixed", offer_value: 200_000, min_order: 8_540_000 }, cart)).toBe(200_000)
  })

  it("knows which offers Medusa cannot express as its own percentage or amount", () => {
    expect(isCartDependent({ offer_type: "percentage", offer_value: 1000 })).toBe(false)
    expect(isCartDependent({ offer_type: "percentage", offer_value: 1000, max_discount: 100 })).toBe(true)
    expect(isCartDependent({ offer_type: "making_percentage", offer_value: 1000 })).toBe(true)
    expect(isCartDependent({ offer_type: "fixed", offer_value: 1000 })).toBe(false)
  })
})

describe("offer wording and terms", () => {
  it("reads the way a customer would say it", () => {
    expect(describeOffer({ offer_type: "percentage", offer_value: 1000, max_discount: 500_000, min_order: 2_000_000 })).toBe("10% off (up to ₹5,000) on ₹20,000 or more")
    expect(describeOffer({ offer_type: "making_percentage", offer_value: 1250 })).toBe("12.5% off making charges")
    expect(describeOffer({ offer_type: "fixed", offer_value: 150_050 })).toBe("₹1,500.50 off")
  })

  it("names what does not hold together", () => {
    const ok = { offer_type: "fixed" as const, offer_value: 100_000 }
    expect(campaignTermsProblems(ok, NOW)).toEqual([])
    expect(campaignTermsProblems({ offer_type: "percentage", offer_value: 12_000 }, NOW)[0]).toMatch(/cannot exceed 100%/)
    expect(campaignTermsProblems({ ...ok, max_discount: 50_000 }, NOW)[0]).toMatch(/exceeds its cap/)
    expect(campaignTermsProblems({ ...ok, budget: 50_000 }, NOW)[0]).toMatch(/more than the whole budget/)
    expect(campaignTermsProblems({ offer_type: "percentage", offer_value: 1000, max_discount: 600_000, budget: 500_000 }, NOW)[0]).toMatch(/budget/)
    expect(campaignTermsProblems({ ...ok, starts_at: new Date("2027-01-10"), ends_at: new Date("2027-01-05") }, NOW)[0]).toMatch(/end after it starts/)
    expect(campaignTermsProblems({ ...ok, ends_at: new Date("2026-11-30") }, NOW)[0]).toMatch(/already passed/)
    expect(campaignTermsProblems({ ...ok, kind: "birthday" }, NOW)[0]).toMatch(/valid_days/)
    expect(campaignTermsProblems({ ...ok, offer_value: 0 }, NOW)[0]).toMatch(/above zero/)
  })
})

describe("codes, audiences and occasions", () => {
  it("makes unguessable codes without letters that are misheard", () => {
    // Each character is 5 bits of one byte: 0x00 → 0, 0x1f → Z, 0x20 → 0 again, 0x3e → Y.
    expect(newOfferCode("birthday", Buffer.from("001f203e0a0b0c0d0e0f1011", "hex"))).toBe("BDAY-0Z0Y-ABCD-EFGH")
    expect(newOfferCode("manual")).toMatch(/^OFFER-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/)
    const many = new Set(Array.from({ length: 2000 }, () => newOfferCode("manual")))
    expect(many.size).toBe(2000)
  })

  it("looks at the right customers for each automatic campaign", () => {
    expect(automaticAudience("birthday", { days_ahead: 5 })).toEqual({ field: "birthday", op: "within_days", value: 5 })
    expect(automaticAudience("winback", {})).toEqual({
      all: [
        { field: "order_count", op: "gte", value: 1 },
        { field: "last_purchase", op: "older_than_days", value: 180 },
      ],
    })
    expect(automaticAudience("tier_upgrade", {})).toBeNull()
  })

  it("issues a birthday offer once for the year the birthday falls in, across the year end", () => {
    expect(occasionSql("birthday", { year: 2026, month: 12, day: 29 })).toEqual({
      sql: "'birthday:' || case when birthday_md >= ? then ? else ? end",
      bindings: ["1229", "2026", "2027"],
    })
    expect(occasionSql("manual", { year: 2026, month: 1, day: 1 }).sql).toBe("'once'")
  })

  it("ends an offer with its campaign, or a number of days after an automatic one issues it", () => {
    const end = new Date("2026-12-31T18:29:59Z")
    expect(offerExpiry({ kind: "manual", ends_at: end }, NOW)).toEqual(end)
    expect(offerExpiry({ kind: "birthday", valid_days: 30 }, NOW)).toEqual(new Date("2026-12-31T06:30:00.000Z"))
  })
})
