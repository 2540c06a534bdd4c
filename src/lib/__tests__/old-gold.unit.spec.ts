import { buyingRateFor, buyingRatesInForce, cashPayoutProblem, oldArticleProblems, oldGoldSettings, payoutProblems, valueOldArticle, type BuyingRate, type OldArticle } from "../old-gold"

// The worked examples of docs/counter.md, each figured by hand there.
const policy = { melting_loss_bps: 200, max_melting_loss_bps: 500 }
const rates: BuyingRate[] = [
  { metal: "gold", purity: 999, rate_per_g_paise: 740_000 },
  { metal: "gold", purity: 916, rate_per_g_paise: 680_000 },
  { metal: "gold", purity: 750, rate_per_g_paise: 555_000 },
  { metal: "silver", purity: 925, rate_per_g_paise: 8_500 },
]
const chain: OldArticle = { metal: "gold", description: "chain, broken clasp", gross_weight_mg: 12_350, deduction_weight_mg: 150, tested_purity: 916, purity_test: "xrf" }

describe("old gold: valuing an article at the buying rate", () => {
  it("example 1: a 22K chain with a stone deduction and 2 % melting loss", () => {
    const v = valueOldArticle(chain, buyingRateFor(rates, "gold", 916)!, policy)
    expect(v).toMatchObject({ net_weight_mg: 12_200, fine_weight_mg: 11_175, melting_loss_mg: 224, payable_fine_mg: 10_951, value_paise: 8_129_563 })
  })

  it("example 2: a ring testing 740 on the touchstone is valued by the 18K (750) rate above it", () => {
    const ring: OldArticle = { metal: "gold", description: "ring", gross_weight_mg: 4_200, deduction_weight_mg: 0, tested_purity: 740, purity_test: "touchstone" }
    const rate = buyingRateFor(rates, "gold", 740)!
    expect(rate.purity).toBe(750)
    expect(valueOldArticle(ring, rate, policy)).toMatchObject({ fine_weight_mg: 3_108, melting_loss_mg: 62, payable_fine_mg: 3_046, value_paise: 2_254_040 })
  })

  it("example 3: silver with no melting loss is weight × rate", () => {
    const anklets: OldArticle = { metal: "silver", description: "anklets", gross_weight_mg: 50_000, deduction_weight_mg: 0, tested_purity: 925, purity_test: "xrf" }
    expect(valueOldArticle(anklets, buyingRateFor(rates, "silver", 925)!, policy, 0).value_paise).toBe(425_000)
  })

  it("takes a counter's melting loss within the shop's limit and refuses one above it", () => {
    expect(valueOldArticle(chain, rates[1], policy, 500).melting_loss_mg).toBe(559)
    expect(() => valueOldArticle(chain, rates[1], policy, 501)).toThrow("melting_loss_bps 501 is above the shop's limit of 500")
  })

  it("names each field that is wrong, and values nothing", () => {
    expect(oldArticleProblems({ ...chain, deduction_weight_mg: 12_350, tested_purity: 1_000, description: " " })).toEqual([
      'description is required (e.g. "chain, broken clasp")',
      "deduction_weight_mg must be less than gross_weight_mg (net weight would be nothing)",
      "tested_purity for gold must be 375–999 parts per thousand",
    ])
    expect(oldArticleProblems({ ...chain, metal: "silver", tested_purity: 400 })).toEqual(["tested_purity for silver must be 500–999 parts per thousand"])
    expect(() => valueOldArticle({ ...chain, gross_weight_mg: 1.5 }, rates[1], policy)).toThrow("gross_weight_mg must be a whole number")
    expect(() => valueOldArticle(chain, rates[3], policy)).toThrow("the buying rate is for silver, the article is gold")
  })

  it("finds no rate when none is published for the metal, and the highest when the article tests above all", () => {
    expect(buyingRateFor(rates, "platinum", 950)).toBeNull()
    expect(buyingRateFor(rates.slice(1), "gold", 990)?.purity).toBe(916)
  })
})

describe("old gold: cash paid out", () => {
  it("pays up to ₹10,000 a day per customer in cash and says what is left", () => {
    expect(cashPayoutProblem(10_000_00, 0)).toBeNull()
    expect(cashPayoutProblem(5_000_00, 6_000_00)).toBe(
      "cash for old gold is limited to ₹10000 a day per customer; ₹4000 can still be paid in cash today, the rest by bank transfer or against a sale",
    )
    expect(cashPayoutProblem(50_000_00, 0, 1_00_000_00)).toBeNull()
  })
})

describe("old gold: the buying rates in force and the shop's settings", () => {
  const at = (day: string) => new Date(`${day}T10:00:00+05:30`)
  const rows = [
    { metal: "gold" as const, purity: 916, rate_per_g_paise: 670_000, branch_id: null, effective_from: at("2027-01-01") },
    { metal: "gold" as const, purity: 916, rate_per_g_paise: 680_000, branch_id: null, effective_from: at("2027-01-05") },
    { metal: "gold" as const, purity: 916, rate_per_g_paise: 675_000, branch_id: "br_blr", effective_from: at("2027-01-02") },
    { metal: "gold" as const, purity: 999, rate_per_g_paise: 750_000, branch_id: null, effective_from: at("2027-02-01") },
  ]

  it("takes the latest rate effective by then, a branch's own rate before the shop-wide one", () => {
    expect(buyingRatesInForce(rows, "br_mum", at("2027-01-10")).map((r) => r.rate_per_g_paise)).toEqual([680_000])
    expect(buyingRatesInForce(rows, "br_blr", at("2027-01-10")).map((r) => r.rate_per_g_paise)).toEqual([675_000])
    expect(buyingRatesInForce(rows, "br_mum", at("2027-02-02")).map((r) => [r.purity, r.rate_per_g_paise])).toEqual([[999, 750_000], [916, 680_000]])
    expect(buyingRatesInForce(rows, "br_mum", at("2026-12-31"))).toEqual([])
  })

  it("reads the settings with their defaults and refuses nonsense", () => {
    expect(oldGoldSettings({})).toEqual({ melting_loss_bps: 200, max_melting_loss_bps: 500, cash_limit_paise: 10_000_00 })
    expect(oldGoldSettings({ OLD_GOLD_MELTING_LOSS_BPS: "300", OLD_GOLD_CASH_LIMIT_RUPEES: "5000" })).toMatchObject({ melting_loss_bps: 300, cash_limit_paise: 5_000_00 })
    expect(() => oldGoldSettings({ OLD_GOLD_CASH_LIMIT_RUPEES: "2.5" })).toThrow("OLD_GOLD_CASH_LIMIT_RUPEES must be a whole number")
  })
})

describe("old gold: paying the customer", () => {
  it("adds up to the value, pays out a purchase and credits an exchange", () => {
    expect(payoutProblems("purchase", 8_129_563, { cash_paise: 10_000_00, bank_paise: 7_129_563, sale_credit_paise: 0, bank_reference: "UTR1" })).toEqual([])
    expect(payoutProblems("exchange", 8_129_563, { cash_paise: 0, bank_paise: 0, sale_credit_paise: 8_129_563, bank_reference: null })).toEqual([])
    expect(payoutProblems("purchase", 100, { cash_paise: 50, bank_paise: 0, sale_credit_paise: 40, bank_reference: null })).toEqual([
      "cash_paise + bank_paise + sale_credit_paise must add up to the value of the old gold, 100 paise; they add up to 90",
      'sale_credit_paise: a purchase is paid out; use kind "exchange" to set old gold against a sale',
    ])
    expect(payoutProblems("exchange", 100, { cash_paise: 0, bank_paise: 100, sale_credit_paise: 0, bank_reference: " " })).toEqual([
      "sale_credit_paise: an exchange credits (part of) the value against a sale",
      "bank_reference is required with a bank transfer (the UTR or cheque number)",
    ])
  })
})
