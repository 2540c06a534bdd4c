import { panRequiredFor } from "../pan"
import {
  addMonths,
  fineBoughtMg,
  instalmentProblem,
  redeemableValuePaise,
  redemptionProblem,
  schemeFullValuePaise,
  schemeSchedule,
  schemeStatement,
  schemeTemplateProblems,
  templateTerms,
  type SchemeInstalment,
  type SchemeTemplate,
} from "../savings-schemes"

// The worked examples of docs/counter.md.
const elevenPlusOne: SchemeTemplate = {
  kind: "amount",
  instalment_paise: 5_000_00,
  instalments: 11,
  maturity_months: 12,
  bonus: { type: "instalments", count: 1 },
  grace_days: 7,
  early_closure_after: 6,
}

function paidOnTime(enrolledOn: string, count: number, template = elevenPlusOne): SchemeInstalment[] {
  return schemeSchedule(template, enrolledOn).due_on.slice(0, count).map((due_on) => ({ due_on, paid_on: due_on, amount_paise: template.instalment_paise }))
}

describe("savings schemes: the schedule", () => {
  it("is due on the same day each month, or the month's last day", () => {
    expect(schemeSchedule(elevenPlusOne, "2027-01-31")).toEqual({
      due_on: ["2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30", "2027-05-31", "2027-06-30", "2027-07-31", "2027-08-31", "2027-09-30", "2027-10-31", "2027-11-30"],
      matures_on: "2028-01-31",
    })
    expect(addMonths("2027-12-15", 2)).toBe("2028-02-15")
  })

  it("matures within 365 days: across 29 February a 12-month scheme matures a day early", () => {
    expect(schemeSchedule(elevenPlusOne, "2027-03-01").matures_on).toBe("2028-02-29")
  })

  it("refuses a template longer than 365 days or otherwise wrong, naming each field", () => {
    expect(schemeTemplateProblems({ ...elevenPlusOne, instalments: 13, maturity_months: 13 })).toEqual([
      "instalments must be 1 to 12 (monthly)",
      "maturity_months must be 12 or less: a scheme may run at most 365 days from enrolment to maturity",
    ])
    expect(schemeTemplateProblems({ ...elevenPlusOne, maturity_months: 10 })).toEqual(["maturity_months must be at least the number of instalments"])
    expect(schemeTemplateProblems({ ...elevenPlusOne, kind: "weight" })).toEqual(["a weight scheme's bonus is a percentage of the weight (percent_of_paid) or a making waiver"])
    expect(() => schemeSchedule({ ...elevenPlusOne, grace_days: 40 }, "2027-01-31")).toThrow("grace_days must be 0 to 27")
    expect(() => schemeSchedule(elevenPlusOne, "2027-02-30")).toThrow('date must be a date as YYYY-MM-DD, got "2027-02-30"')
  })
})

describe("savings schemes: instalments and maturity", () => {
  it("example 4: 11 × ₹5,000 paid on time redeem ₹60,000 at maturity (the shop pays the 12th)", () => {
    const s = schemeStatement(elevenPlusOne, "2027-01-31", paidOnTime("2027-01-31", 11), "2028-01-31")
    expect(s).toMatchObject({ paid_paise: 55_000_00, bonus_paise: 5_000_00, redeemable_paise: 60_000_00, matured: true, next_due_on: null })
  })

  it("an instalment paid after its grace days costs the bonus", () => {
    const instalments = paidOnTime("2027-01-31", 11)
    instalments[3] = { ...instalments[3], paid_on: "2027-05-08" } // due 30 April, 8 days late
    const s = schemeStatement(elevenPlusOne, "2027-01-31", instalments, "2028-02-10")
    expect(s).toMatchObject({ late_count: 1, bonus_paise: 0, redeemable_paise: 55_000_00 })
  })

  it("closes early after 6 instalments with what was paid, and not before", () => {
    expect(schemeStatement(elevenPlusOne, "2027-01-31", paidOnTime("2027-01-31", 7), "2027-08-15")).toMatchObject({ redeemable_paise: 35_000_00, bonus_paise: 0, next_due_on: "2027-08-31" })
    expect(schemeStatement(elevenPlusOne, "2027-01-31", paidOnTime("2027-01-31", 5), "2027-06-15")).toMatchObject({ redeemable_paise: 0, missed_count: 0 })
    expect(schemeStatement(elevenPlusOne, "2027-01-31", paidOnTime("2027-01-31", 5), "2027-07-10").missed_count).toBe(1)
  })

  it("refuses the wrong amount, a 12th instalment and one after maturity", () => {
    expect(instalmentProblem(elevenPlusOne, "2027-01-31", 3, 4_000_00, "2027-04-30")).toBe("an instalment of this scheme is ₹5000, not ₹4000")
    expect(instalmentProblem(elevenPlusOne, "2027-01-31", 11, 5_000_00, "2027-12-20")).toBe("all 11 instalments are paid; the scheme matures on 2028-01-31")
    expect(instalmentProblem(elevenPlusOne, "2027-01-31", 10, 5_000_00, "2028-01-31")).toBe("the scheme matured on 2028-01-31; no instalment can be paid after maturity")
    expect(instalmentProblem(elevenPlusOne, "2027-01-31", 10, 5_000_00, "2027-12-05")).toBeNull()
  })

  it("example 5: a weight scheme buys fine gold at each instalment's rate, rounded down, with a 5 % weight bonus", () => {
    expect(fineBoughtMg(10_000_00, 720_000)).toBe(1_388)
    expect(fineBoughtMg(10_000_00, 735_000)).toBe(1_360)
    const weight: SchemeTemplate = { ...elevenPlusOne, kind: "weight", instalment_paise: 10_000_00, bonus: { type: "percent_of_paid", bps: 500 } }
    const instalments = paidOnTime("2027-01-31", 11, weight).map((i, n) => ({ ...i, fine_mg: n % 2 ? 1_360 : 1_388 }))
    const s = schemeStatement(weight, "2027-01-31", instalments, "2028-01-31")
    expect(s).toMatchObject({ fine_mg: 6 * 1_388 + 5 * 1_360, bonus_fine_mg: 756, redeemable_fine_mg: 15_128 + 756, redeemable_paise: 0 })
  })
})

describe("savings schemes: redemption against a purchase", () => {
  const terms = { ...elevenPlusOne, purity: null }
  it("an amount scheme pays its redeemable amount; before maturity or early closure nothing, with when", () => {
    const matured = schemeStatement(elevenPlusOne, "2027-01-31", paidOnTime("2027-01-31", 11), "2028-01-31")
    expect([redemptionProblem(terms, matured, "2028-01-31"), redeemableValuePaise(terms, matured, null)]).toEqual([null, 60_000_00])
    const young = schemeStatement(elevenPlusOne, "2027-01-31", paidOnTime("2027-01-31", 5), "2027-06-15")
    expect(redemptionProblem(terms, young, "2028-01-31")).toBe("nothing is redeemable yet: the scheme matures on 2028-01-31, or may be closed early after 6 instalments (5 paid)")
  })

  it("a weight scheme's gold is valued at today's rate of its purity, rounded down; without a rate it is refused", () => {
    const weight = { ...elevenPlusOne, kind: "weight" as const, instalment_paise: 10_000_00, bonus: { type: "percent_of_paid" as const, bps: 500 }, purity: 999 }
    const statement = { ...schemeStatement(weight, "2027-01-31", [], "2028-01-31"), redeemable_fine_mg: 15_884 }
    // 15.884 g × 741 235 paise/g = 11 773 776.74 paise, rounded down → ₹1,17,737.76
    expect(redeemableValuePaise(weight, statement, 741_235)).toBe(11_773_776)
    expect(() => redeemableValuePaise(weight, statement, null)).toThrow("no selling rate is published today for gold of purity 999")
  })

  it("reads a stored template back into its terms; the PAN threshold looks at the full value", () => {
    const row = { kind: "amount" as const, purity: 916, instalment_paise: "2000000", instalments: 11, maturity_months: 12, bonus_type: "instalments" as const, bonus_count: 1, bonus_bps: 0, grace_days: 7, early_closure_after: 6 }
    expect(templateTerms(row)).toEqual({ ...elevenPlusOne, instalment_paise: 20_000_00, purity: null })
    expect(templateTerms({ ...row, kind: "weight", bonus_type: "making_waiver", bonus_bps: 2_500 })).toMatchObject({ purity: 916, bonus: { type: "making_waiver", bps: 2_500 } })
    expect(panRequiredFor(schemeFullValuePaise(templateTerms(row)))).toBe(true) // 11 × ₹20,000 = ₹2,20,000
    expect(panRequiredFor(schemeFullValuePaise(elevenPlusOne))).toBe(false) // ₹55,000
  })
})

describe("PAN or Form 60 on large bills", () => {
  it("is asked from ₹2,00,000", () => {
    expect(panRequiredFor(1_99_999_99)).toBe(false)
    expect(panRequiredFor(2_00_000_00)).toBe(true)
  })
})
