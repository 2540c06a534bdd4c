/**
 * Gold savings schemes: a customer pays a fixed amount every month and, at maturity, buys jewellery with
 * what was paid plus the shop's bonus. Two kinds:
 *  - `amount`: the bonus is money (e.g. the shop pays the 12th instalment of an 11-month scheme);
 *  - `weight`: each instalment buys fine gold at that day's rate, and the customer redeems the weight.
 * The rules and worked examples are in docs/counter.md. Dates are calendar days in India ("YYYY-MM-DD"),
 * money paise, weights mg, percentages basis points.
 */
import { MedusaError } from "@medusajs/framework/utils"
import { mulDivHalfUp } from "./money"

/**
 * The longest a scheme may run, enrolment to maturity. An advance against goods to be supplied within 365
 * days is not a deposit under the Companies (Acceptance of Deposits) Rules, 2014; longer schemes are, so no
 * template may exceed it.
 */
export const MAX_SCHEME_DAYS = 365

export type SchemeBonus =
  | { type: "instalments"; count: number }
  | { type: "percent_of_paid"; bps: number }
  | { type: "making_waiver"; bps: number }
  | { type: "none" }

export type SchemeTemplate = {
  kind: "amount" | "weight"
  instalment_paise: number
  instalments: number
  /** Months from enrolment to maturity; at least `instalments` (the month after the last one is usual). */
  maturity_months: number
  bonus: SchemeBonus
  /** Days after a due date an instalment still counts as on time. */
  grace_days: number
  /** Instalments paid before an early closure may redeem what was paid (without the bonus). */
  early_closure_after: number
}

export type SchemeInstalment = { due_on: string; paid_on: string | null; amount_paise: number; fine_mg?: number }

function invalid(message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, message)
}

function parseDay(day: string, field: string): { y: number; m: number; d: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  const parsed = match && { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) }
  if (!parsed || parsed.m < 1 || parsed.m > 12 || parsed.d < 1 || parsed.d > daysInMonth(parsed.y, parsed.m)) {
    invalid(`${field} must be a date as YYYY-MM-DD, got "${day}"`)
  }
  return parsed
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function formatDay(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`
}

/** The same day `months` later, or the month's last day when it has no such day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const { y, m, d } = parseDay(day, "date")
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  return formatDay(year, month, Math.min(d, daysInMonth(year, month)))
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = parseDay(from, "date")
  const b = parseDay(to, "date")
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000)
}

/** What is wrong with a template (empty when it can be offered), each naming its field. */
export function schemeTemplateProblems(template: SchemeTemplate): string[] {
  const problems: string[] = []
  const whole = (value: number, min: number) => Number.isSafeInteger(value) && value >= min
  if (!["amount", "weight"].includes(template.kind)) {
    problems.push("kind must be amount or weight")
  }
  if (!whole(template.instalment_paise, 100)) {
    problems.push("instalment_paise must be a whole number of paise, at least ₹1")
  }
  if (!whole(template.instalments, 1) || template.instalments > 12) {
    problems.push("instalments must be 1 to 12 (monthly)")
  }
  if (!whole(template.maturity_months, 1) || template.maturity_months < template.instalments) {
    problems.push("maturity_months must be at least the number of instalments")
  } else if (template.maturity_months > 12) {
    problems.push(`maturity_months must be 12 or less: a scheme may run at most ${MAX_SCHEME_DAYS} days from enrolment to maturity`)
  }
  if (!whole(template.grace_days, 0) || template.grace_days > 27) {
    problems.push("grace_days must be 0 to 27 (less than a month)")
  }
  if (!whole(template.early_closure_after, 1) || template.early_closure_after > template.instalments) {
    problems.push("early_closure_after must be 1 to the number of instalments")
  }
  const bonus = template.bonus
  if (bonus.type === "instalments" && (!whole(bonus.count, 1) || bonus.count > template.instalments)) {
    problems.push("bonus.count must be 1 to the number of instalments")
  } else if ((bonus.type === "percent_of_paid" || bonus.type === "making_waiver") && (!whole(bonus.bps, 1) || bonus.bps > 10_000)) {
    problems.push("bonus.bps must be 1 to 10000 (0.01 % to 100 %)")
  } else if (!["instalments", "percent_of_paid", "making_waiver", "none"].includes(bonus.type)) {
    problems.push("bonus.type must be instalments, percent_of_paid, making_waiver or none")
  }
  if (template.kind === "weight" && bonus.type === "instalments") {
    problems.push("a weight scheme's bonus is a percentage of the weight (percent_of_paid) or a making waiver")
  }
  return problems
}

/** The day `days` after `day`. */
export function addDays(day: string, days: number): string {
  const { y, m, d } = parseDay(day, "date")
  const at = new Date(Date.UTC(y, m - 1, d + days))
  return formatDay(at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate())
}

/**
 * An enrolment's schedule: instalment n (1-based) is due n−1 months after enrolment; maturity comes
 * maturity_months after enrolment, but never more than 365 days after it (a 12-month scheme across a
 * 29 February matures a day early).
 */
export function schemeSchedule(template: SchemeTemplate, enrolledOn: string): { due_on: string[]; matures_on: string } {
  const problems = schemeTemplateProblems(template)
  if (problems.length) {
    invalid(problems.join("; "))
  }
  const byMonths = addMonths(enrolledOn, template.maturity_months)
  const latest = addDays(enrolledOn, MAX_SCHEME_DAYS)
  return {
    due_on: Array.from({ length: template.instalments }, (_, i) => addMonths(enrolledOn, i)),
    matures_on: daysBetween(byMonths, latest) < 0 ? latest : byMonths,
  }
}

/**
 * Why an instalment of `amountPaise` paid on `paidOn` cannot be taken (null when it can): all paid, the scheme
 * matured or closed, or the wrong amount. `paidCount` is how many were paid before.
 */
export function instalmentProblem(template: SchemeTemplate, enrolledOn: string, paidCount: number, amountPaise: number, paidOn: string): string | null {
  const { matures_on } = schemeSchedule(template, enrolledOn)
  if (paidCount >= template.instalments) {
    return `all ${template.instalments} instalments are paid; the scheme matures on ${matures_on}`
  }
  if (daysBetween(matures_on, paidOn) >= 0) {
    return `the scheme matured on ${matures_on}; no instalment can be paid after maturity`
  }
  if (amountPaise !== template.instalment_paise) {
    return `an instalment of this scheme is ₹${template.instalment_paise / 100}, not ₹${amountPaise / 100}`
  }
  return null
}

/** Fine gold one instalment of a weight scheme buys: amount ÷ the day's rate per gram, rounded down to the mg. */
export function fineBoughtMg(amountPaise: number, ratePerGramPaise: number): number {
  if (!Number.isSafeInteger(amountPaise) || amountPaise < 0 || !Number.isSafeInteger(ratePerGramPaise) || ratePerGramPaise < 1) {
    invalid("an instalment and a rate are whole numbers of paise")
  }
  // Rounded down: the shop never credits gold that was not paid for.
  return Math.floor((amountPaise * 1000) / ratePerGramPaise)
}

export type SchemeStatement = {
  paid_count: number
  paid_paise: number
  late_count: number
  missed_count: number
  next_due_on: string | null
  matured: boolean
  /** The bonus the customer gets at maturity as things stand (0 before maturity or with a late/missed instalment). */
  bonus_paise: number
  bonus_fine_mg: number
  making_waiver_bps: number
  fine_mg: number
  /** What can be set against a purchase today: everything at maturity, what was paid on an early closure, else 0. */
  redeemable_paise: number
  redeemable_fine_mg: number
}

/**
 * The passbook's totals on `today`: how much was paid, what is late or missed, and what the customer can
 * redeem. The bonus is earned only at maturity with every instalment paid within its grace days; an early
 * closure (after `early_closure_after` instalments) redeems what was paid, without the bonus.
 */
export function schemeStatement(template: SchemeTemplate, enrolledOn: string, instalments: SchemeInstalment[], today: string): SchemeStatement {
  const { due_on, matures_on } = schemeSchedule(template, enrolledOn)
  const paid = instalments.filter((i) => i.paid_on)
  const paidPaise = paid.reduce((sum, i) => sum + i.amount_paise, 0)
  const fine = paid.reduce((sum, i) => sum + (i.fine_mg ?? 0), 0)
  const late = paid.filter((i) => daysBetween(i.due_on, i.paid_on!) > template.grace_days).length
  const missed = due_on.slice(paid.length).filter((d) => daysBetween(d, today) > template.grace_days).length
  const matured = daysBetween(matures_on, today) >= 0
  const earnedBonus = matured && paid.length === template.instalments && late === 0
  const bonus = template.bonus
  const bonusPaise = !earnedBonus || template.kind === "weight"
    ? 0
    : bonus.type === "instalments"
      ? bonus.count * template.instalment_paise
      : bonus.type === "percent_of_paid"
        ? mulDivHalfUp(paidPaise, bonus.bps, 10_000)
        : 0
  const bonusFine = earnedBonus && template.kind === "weight" && bonus.type === "percent_of_paid" ? Math.floor((fine * bonus.bps) / 10_000) : 0
  const closable = matured || paid.length >= template.early_closure_after
  return {
    paid_count: paid.length,
    paid_paise: paidPaise,
    late_count: late,
    missed_count: missed,
    next_due_on: paid.length < template.instalments && !matured ? due_on[paid.length] : null,
    matured,
    bonus_paise: bonusPaise,
    bonus_fine_mg: bonusFine,
    making_waiver_bps: earnedBonus && bonus.type === "making_waiver" ? bonus.bps : 0,
    fine_mg: fine,
    redeemable_paise: closable && template.kind === "amount" ? paidPaise + bonusPaise : 0,
    redeemable_fine_mg: closable && template.kind === "weight" ? fine + bonusFine : 0,
  }
}

/** A template's terms as an enrolment keeps them: the template, and the purity a weight scheme buys. */
export type SchemeTerms = SchemeTemplate & { purity: number | null }

/** The bonus as the template's columns store it (type, count, bps) read back into its union. */
export function schemeBonus(type: SchemeBonus["type"], count: number, bps: number): SchemeBonus {
  if (type === "instalments") {
    return { type, count }
  }
  if (type === "percent_of_paid" || type === "making_waiver") {
    return { type, bps }
  }
  return { type: "none" }
}

/**
 * What a scheme pays towards a purchase today: an amount scheme its redeemable paise, a weight scheme its
 * redeemable fine gold at today's rate for its purity (rounded down, as every gold credit is).
 */
export function redeemableValuePaise(terms: SchemeTerms, statement: SchemeStatement, ratePerGramPaise: number | null): number {
  if (terms.kind === "amount") {
    return statement.redeemable_paise
  }
  if (!statement.redeemable_fine_mg) {
    return 0
  }
  if (!ratePerGramPaise || !Number.isSafeInteger(ratePerGramPaise) || ratePerGramPaise < 1) {
    invalid(`no selling rate is published today for gold of purity ${terms.purity}, so the scheme's gold cannot be valued`)
  }
  return Math.floor((statement.redeemable_fine_mg * ratePerGramPaise) / 1000)
}

/** Why a scheme cannot be redeemed today (null when it can): nothing redeemable yet, with when it will be. */
export function redemptionProblem(terms: SchemeTerms, statement: SchemeStatement, maturesOn: string): string | null {
  if (statement.redeemable_paise > 0 || statement.redeemable_fine_mg > 0) {
    return null
  }
  return `nothing is redeemable yet: the scheme matures on ${maturesOn}, or may be closed early after ${terms.early_closure_after} instalment${terms.early_closure_after === 1 ? "" : "s"} (${statement.paid_count} paid)`
}

export type SchemeTemplateColumns = {
  kind: "amount" | "weight"
  purity: number | null
  instalment_paise: number | string
  instalments: number
  maturity_months: number
  bonus_type: SchemeBonus["type"]
  bonus_count: number
  bonus_bps: number
  grace_days: number
  early_closure_after: number
}

/** A stored template's columns as the terms an enrolment is sold on. */
export function templateTerms(row: SchemeTemplateColumns): SchemeTerms {
  return {
    kind: row.kind,
    purity: row.kind === "weight" ? row.purity : null,
    instalment_paise: Number(row.instalment_paise),
    instalments: row.instalments,
    maturity_months: row.maturity_months,
    bonus: schemeBonus(row.bonus_type, row.bonus_count, row.bonus_bps),
    grace_days: row.grace_days,
    early_closure_after: row.early_closure_after,
  }
}

/** What a customer will have paid at the end of the scheme: the amount Rule 114B's PAN threshold is judged on at enrolment. */
export function schemeFullValuePaise(terms: SchemeTemplate): number {
  return terms.instalment_paise * terms.instalments
}
