/**
 * Old gold bought at the counter (exchange against a sale, or a purchase from an unregistered person):
 * what one old article is worth. The formula and worked examples are in docs/counter.md.
 *
 * Units as everywhere (src/lib/money.ts): weights in mg, purity in parts per thousand, money in paise,
 * percentages in basis points. Every step rounds half up to the unit, in the order the docs give, so a
 * voucher printed from these numbers adds up line by line.
 */
import { MedusaError } from "@medusajs/framework/utils"
import { mulDivHalfUp } from "./money"
import { METALS, type Metal } from "./pricing"

/** The lowest and highest fineness an old article of each metal can test at and still be bought as that metal. */
export const TESTABLE_PURITY: Readonly<Record<Metal, { min: number; max: number }>> = {
  gold: { min: 375, max: 999 },
  silver: { min: 500, max: 999 },
  platinum: { min: 850, max: 999 },
}

/** How the fineness was found: a touchstone streak or an XRF (karat meter) reading. */
export const PURITY_TESTS = ["touchstone", "xrf"] as const
export type PurityTest = (typeof PURITY_TESTS)[number]

/** A buying rate the shop published: what it pays per gram of metal at `purity`. */
export type BuyingRate = { metal: Metal; purity: number; rate_per_g_paise: number }

export type OldArticle = {
  metal: Metal
  description: string
  gross_weight_mg: number
  /** Stones, dust, wax, lac: weighed or estimated and taken off before the metal is valued. */
  deduction_weight_mg: number
  tested_purity: number
  purity_test: PurityTest
}

export type OldGoldPolicy = {
  /** Melting loss taken off the fine weight, in basis points (200 = 2 %), the shop's default. */
  melting_loss_bps: number
  /** The most a counter may set for one article (the default may be overridden up to here, never beyond). */
  max_melting_loss_bps: number
}

export type OldArticleValuation = {
  net_weight_mg: number
  /** Pure metal in the article: net weight × tested purity. */
  fine_weight_mg: number
  melting_loss_bps: number
  melting_loss_mg: number
  /** Fine weight the shop pays for: fine weight less melting loss. */
  payable_fine_mg: number
  rate: BuyingRate
  /** Payable fine weight valued at the buying rate (converted from the rate's purity to pure metal). */
  value_paise: number
}

function invalid(message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, message)
}

function wholeAtLeast(value: number, min: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < min) {
    invalid(`${field} must be a whole number of at least ${min}, got ${value}`)
  }
  return value
}

/** The problems with one article as typed at the counter, each naming its field; empty when it can be valued. */
export function oldArticleProblems(article: OldArticle): string[] {
  const problems: string[] = []
  if (!METALS.includes(article.metal)) {
    problems.push(`metal must be one of ${METALS.join(", ")}`)
    return problems
  }
  if (!article.description?.trim()) {
    problems.push("description is required (e.g. \"chain, broken clasp\")")
  }
  if (!Number.isSafeInteger(article.gross_weight_mg) || article.gross_weight_mg < 1) {
    problems.push("gross_weight_mg must be a whole number of milligrams above 0")
  }
  if (!Number.isSafeInteger(article.deduction_weight_mg) || article.deduction_weight_mg < 0) {
    problems.push("deduction_weight_mg must be a whole number of milligrams, 0 or more")
  } else if (article.deduction_weight_mg >= article.gross_weight_mg) {
    problems.push("deduction_weight_mg must be less than gross_weight_mg (net weight would be nothing)")
  }
  const range = TESTABLE_PURITY[article.metal]
  if (!Number.isSafeInteger(article.tested_purity) || article.tested_purity < range.min || article.tested_purity > range.max) {
    problems.push(`tested_purity for ${article.metal} must be ${range.min}–${range.max} parts per thousand`)
  }
  if (!PURITY_TESTS.includes(article.purity_test)) {
    problems.push(`purity_test must be one of ${PURITY_TESTS.join(", ")}`)
  }
  return problems
}

/**
 * The buying rate to value an article by: the published rate for its metal at the purity nearest its tested
 * purity from above (a 22K rate for an article testing 20K, never an 18K rate for one testing 20K), else the
 * metal's highest published purity. Null when nothing is published for the metal.
 */
export function buyingRateFor(rates: BuyingRate[], metal: Metal, testedPurity: number): BuyingRate | null {
  const forMetal = rates.filter((r) => r.metal === metal).sort((a, b) => a.purity - b.purity)
  if (!forMetal.length) {
    return null
  }
  return forMetal.find((r) => r.purity >= testedPurity) ?? forMetal[forMetal.length - 1]
}

/**
 * Values one article:
 *   net = gross − deduction; fine = net × purity / 1000; loss = fine × loss% ; payable = fine − loss;
 *   value = payable × rate ÷ (rate purity / 1000) ÷ 1000   (rate per gram at its purity → per mg of pure metal)
 * `meltingLossBps` overrides the shop's default for this article, within the policy's maximum.
 */
export function valueOldArticle(article: OldArticle, rate: BuyingRate, policy: OldGoldPolicy, meltingLossBps?: number): OldArticleValuation {
  const problems = oldArticleProblems(article)
  if (problems.length) {
    invalid(problems.join("; "))
  }
  if (rate.metal !== article.metal) {
    invalid(`the buying rate is for ${rate.metal}, the article is ${article.metal}`)
  }
  wholeAtLeast(rate.rate_per_g_paise, 1, "buying rate_per_g_paise")
  wholeAtLeast(rate.purity, 1, "buying rate purity")
  wholeAtLeast(policy.max_melting_loss_bps, 0, "max_melting_loss_bps")
  const lossBps = wholeAtLeast(meltingLossBps ?? policy.melting_loss_bps, 0, "melting_loss_bps")
  if (lossBps > policy.max_melting_loss_bps) {
    invalid(`melting_loss_bps ${lossBps} is above the shop's limit of ${policy.max_melting_loss_bps} (${policy.max_melting_loss_bps / 100} %)`)
  }
  const net = article.gross_weight_mg - article.deduction_weight_mg
  const fine = mulDivHalfUp(net, article.tested_purity, 1000)
  const loss = mulDivHalfUp(fine, lossBps, 10_000)
  const payable = fine - loss
  // rate is per gram (1000 mg) of metal at rate.purity: per mg of pure metal it is rate × 1000 / purity / 1000.
  const value = mulDivHalfUp(payable, rate.rate_per_g_paise, rate.purity)
  return {
    net_weight_mg: net,
    fine_weight_mg: fine,
    melting_loss_bps: lossBps,
    melting_loss_mg: loss,
    payable_fine_mg: payable,
    rate,
    value_paise: value,
  }
}

/**
 * Cash the counter may hand a customer for old gold in one day. Income-tax Act s.40A(3) disallows a cash
 * payment above ₹10,000 to one person in a day as a business expense, so shops pay the rest by bank transfer
 * or set it against a sale; the limit is the shop's setting, this is the default.
 */
export const DEFAULT_OLD_GOLD_CASH_LIMIT_PAISE = 10_000_00

/** Why a cash payout cannot be made (null when it can): `paidTodayPaise` is cash already paid to the customer today. */
export function cashPayoutProblem(amountPaise: number, paidTodayPaise: number, limitPaise = DEFAULT_OLD_GOLD_CASH_LIMIT_PAISE): string | null {
  wholeAtLeast(amountPaise, 0, "cash amount")
  wholeAtLeast(paidTodayPaise, 0, "cash paid today")
  if (amountPaise + paidTodayPaise > limitPaise) {
    const left = Math.max(0, limitPaise - paidTodayPaise)
    return `cash for old gold is limited to ₹${limitPaise / 100} a day per customer; ₹${left / 100} can still be paid in cash today, the rest by bank transfer or against a sale`
  }
  return null
}

/** A published buying rate as stored: a branch's own rate, or the shop-wide one (branch_id null). */
export type StoredBuyingRate = BuyingRate & { branch_id: string | null; effective_from: Date }

/**
 * The rates in force for a branch at `at`: per metal and purity the latest rate effective by then, the
 * branch's own rate winning over the shop-wide one.
 */
export function buyingRatesInForce(rows: StoredBuyingRate[], branchId: string | null, at: Date): (BuyingRate & { branch_id: string | null; effective_from: Date })[] {
  const best = new Map<string, StoredBuyingRate>()
  for (const row of rows) {
    if (row.effective_from.getTime() > at.getTime() || (row.branch_id !== null && row.branch_id !== branchId)) {
      continue
    }
    const key = `${row.metal}:${row.purity}`
    const held = best.get(key)
    const ownBeatsShared = held && (row.branch_id !== null) !== (held.branch_id !== null)
    if (!held || (ownBeatsShared ? row.branch_id !== null : row.effective_from.getTime() > held.effective_from.getTime())) {
      best.set(key, row)
    }
  }
  return [...best.values()]
    .sort((a, b) => a.metal.localeCompare(b.metal) || b.purity - a.purity)
    .map((r) => ({ metal: r.metal, purity: r.purity, rate_per_g_paise: r.rate_per_g_paise, branch_id: r.branch_id, effective_from: r.effective_from }))
}

/** The shop's old-gold settings from the environment (docs/operations.md), with the defaults docs/counter.md gives. */
export function oldGoldSettings(env: NodeJS.ProcessEnv = process.env): OldGoldPolicy & { cash_limit_paise: number } {
  const read = (name: string, fallback: number, max: number) => {
    const text = env[name]
    if (text === undefined || text === "") {
      return fallback
    }
    const value = Number(text)
    if (!Number.isSafeInteger(value) || value < 0 || value > max) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `${name} must be a whole number from 0 to ${max}, got "${text}"`)
    }
    return value
  }
  const maxLoss = read("OLD_GOLD_MAX_MELTING_LOSS_BPS", 500, 10_000)
  return {
    melting_loss_bps: Math.min(read("OLD_GOLD_MELTING_LOSS_BPS", 200, 10_000), maxLoss),
    max_melting_loss_bps: maxLoss,
    cash_limit_paise: read("OLD_GOLD_CASH_LIMIT_RUPEES", DEFAULT_OLD_GOLD_CASH_LIMIT_PAISE / 100, 1_99_999) * 100,
  }
}

export type OldGoldPayout = { cash_paise: number; bank_paise: number; sale_credit_paise: number; bank_reference: string | null }

/**
 * What is wrong with how a voucher's value goes to the customer, each naming its field: the parts must add
 * up to the value; a purchase is paid out (cash or bank), an exchange is credited against a sale; a bank
 * transfer carries its reference.
 */
export function payoutProblems(kind: "exchange" | "purchase", totalPaise: number, payout: OldGoldPayout): string[] {
  const problems: string[] = []
  const parts = [payout.cash_paise, payout.bank_paise, payout.sale_credit_paise]
  if (parts.some((p) => !Number.isSafeInteger(p) || p < 0)) {
    return ["cash_paise, bank_paise and sale_credit_paise must be whole numbers of paise, 0 or more"]
  }
  const sum = parts.reduce((a, b) => a + b, 0)
  if (sum !== totalPaise) {
    problems.push(`cash_paise + bank_paise + sale_credit_paise must add up to the value of the old gold, ${totalPaise} paise; they add up to ${sum}`)
  }
  if (kind === "purchase" && payout.sale_credit_paise > 0) {
    problems.push("sale_credit_paise: a purchase is paid out; use kind \"exchange\" to set old gold against a sale")
  }
  if (kind === "exchange" && payout.sale_credit_paise === 0) {
    problems.push("sale_credit_paise: an exchange credits (part of) the value against a sale")
  }
  if (payout.bank_paise > 0 && !payout.bank_reference?.trim()) {
    problems.push("bank_reference is required with a bank transfer (the UTR or cheque number)")
  }
  return problems
}

/** How old metal leaves a branch's stock (an adjustment may also add, e.g. after a count). */
export const STOCK_MOVEMENT_KINDS = ["to_refinery", "to_karigar", "melted", "scrap_sale", "adjustment"] as const
export type StockMovementKind = (typeof STOCK_MOVEMENT_KINDS)[number]

/**
 * Every movement of the old-metal stock: a purchase, the ways it leaves, and metal a karigar brings back as metal
 * (from_karigar, recorded by the karigar's receipt, never by hand).
 */
export const OLD_GOLD_MOVEMENT_KINDS = ["purchase", ...STOCK_MOVEMENT_KINDS, "from_karigar"] as const
export type OldGoldMovementKind = (typeof OLD_GOLD_MOVEMENT_KINDS)[number]

/**
 * Fine mg a movement takes out (negative) or, for an adjustment, puts in (positive): the signed change of
 * the stock. A movement out needs a positive quantity; only an adjustment may add.
 */
export function signedMovement(kind: StockMovementKind | "from_karigar", fineMg: number): number {
  if (!Number.isSafeInteger(fineMg) || fineMg === 0) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "fine_mg: a whole number of milligrams, not 0")
  }
  if (kind !== "adjustment" && fineMg < 0) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `fine_mg: give the weight that goes ${kind.replace(/_/g, " ")} as a positive number; only an adjustment may be negative`)
  }
  return kind === "adjustment" || kind === "from_karigar" ? fineMg : -fineMg
}

/** Why a signed change cannot be made to a stock holding `heldMg` (null when it can): no stock goes below 0. */
export function stockMovementProblem(heldMg: number, changeMg: number): string | null {
  if (heldMg + changeMg < 0) {
    return `the branch holds ${heldMg} mg of this metal; ${-changeMg} mg cannot go out`
  }
  return null
}
