/**
 * What each role may take off a counter bill without asking (docs/counter.md, "Discounts and approvals"):
 * a discount on a piece's making charge (as a share of that making charge, and in rupees over the whole
 * bill), a bill discount in rupees, and whether a bill may carry a metal rate of its own. A request
 * beyond the seller's limits needs the approval of someone whose limits cover it. Money is integer paise,
 * shares basis points; null is "no limit".
 */
import { formatInr } from "./money"
import type { StaffRole } from "./access-matrix"

export type PriceLimits = {
  /** The largest share of a piece's making charge taken off it (basis points). */
  making_discount_bps: number | null
  /** The most taken off making charges on one bill. */
  making_discount_paise: number | null
  /** The most taken off a bill as a whole. */
  bill_discount_paise: number | null
  /** Whether a bill may carry its own metal rate: not at all, only above the rate the pieces are priced at, or either way. */
  rate_change: RateChangeRight
}

export const RATE_CHANGE_RIGHTS = ["none", "raise", "any"] as const
export type RateChangeRight = (typeof RATE_CHANGE_RIGHTS)[number]

/**
 * The shop's limits until the owner sets others: sales staff 10 % of making, ₹5,000 a bill, ₹500 off a bill and
 * the metal rate raised only; managers 30 %, ₹50,000 and ₹5,000, the rate either way.
 */
export const DEFAULT_PRICE_LIMITS: Readonly<Record<StaffRole, PriceLimits>> = {
  owner: { making_discount_bps: null, making_discount_paise: null, bill_discount_paise: null, rate_change: "any" },
  branch_manager: { making_discount_bps: 3_000, making_discount_paise: 50_000_00, bill_discount_paise: 5_000_00, rate_change: "any" },
  sales_staff: { making_discount_bps: 1_000, making_discount_paise: 5_000_00, bill_discount_paise: 500_00, rate_change: "raise" },
  accountant: { making_discount_bps: 0, making_discount_paise: 0, bill_discount_paise: 0, rate_change: "none" },
  auditor: { making_discount_bps: 0, making_discount_paise: 0, bill_discount_paise: 0, rate_change: "none" },
}

/** A metal rate a bill carries instead of the one its pieces are priced at (paise a gram). */
export type RateChange = { metal: string; purity: number; from_paise: number; to_paise: number }

/** A rate asked for a bill, and a rate-priced piece on it with the rate it is priced at. */
export type BillRate = { metal: string; purity: number; rate_per_g_paise: number }
export type RatedPiece = { tag_code: string; metal: string | null; purity: number | null; rate_per_g_paise: number | null }

/**
 * The rate changes a bill asks (only rates that differ from what its pieces are priced at), or the first rate that
 * cannot be used: one named twice, or one no rate-priced piece on the bill is of. When the pieces of one metal and
 * purity were priced at different rates, the change is measured from the highest of them.
 */
export function billRateChanges(rates: BillRate[], pieces: RatedPiece[]): { changes: RateChange[]; problem: null } | { changes: null; problem: string } {
  const changes: RateChange[] = []
  const seen = new Set<string>()
  for (const rate of rates) {
    const key = `${rate.metal}/${rate.purity}`
    if (seen.has(key)) {
      return { changes: null, problem: `rates: ${rate.metal} ${rate.purity} is named twice` }
    }
    seen.add(key)
    if (!Number.isSafeInteger(rate.rate_per_g_paise) || rate.rate_per_g_paise <= 0) {
      return { changes: null, problem: `rates: the rate for ${rate.metal} ${rate.purity} must be a whole number of paise above nothing` }
    }
    const priced = pieces.filter((p) => p.metal === rate.metal && p.purity === rate.purity && p.rate_per_g_paise !== null).map((p) => p.rate_per_g_paise!)
    if (!priced.length) {
      return { changes: null, problem: `rates: no piece on this bill is priced by the ${rate.metal} ${rate.purity} rate` }
    }
    const from = Math.max(...priced)
    if (rate.rate_per_g_paise !== from || priced.some((p) => p !== rate.rate_per_g_paise)) {
      changes.push({ metal: rate.metal, purity: rate.purity, from_paise: from, to_paise: rate.rate_per_g_paise })
    }
  }
  return { changes, problem: null }
}

export type DiscountLine = { tag_code: string; quantity: number; making_charge_paise: number | null; making_discount_paise: number }

export type DiscountRequest = {
  making_discount_paise: number
  /** The largest share of one piece's making charge taken off, in basis points (rounded up). */
  making_discount_bps: number
  bill_discount_paise: number
  /** Metal rates the bill carries instead of the ones its pieces are priced at. */
  rate_changes: RateChange[]
}

/** What a bill's discounts come to, or the first line that cannot be discounted so. */
export function discountRequest(lines: DiscountLine[], billDiscountPaise: number, rateChanges: RateChange[] = []): { request: DiscountRequest; problem: null } | { request: null; problem: string } {
  let total = 0
  let largestBps = 0
  for (const line of lines) {
    if (!line.making_discount_paise) {
      continue
    }
    if (!Number.isSafeInteger(line.making_discount_paise) || line.making_discount_paise < 0) {
      return { request: null, problem: `items: the making discount on ${line.tag_code} must be a whole number of paise, not negative` }
    }
    const making = (line.making_charge_paise ?? 0) * line.quantity
    if (!making) {
      return { request: null, problem: `items: ${line.tag_code} has no making charge to discount` }
    }
    if (line.making_discount_paise > making) {
      return { request: null, problem: `items: the making discount on ${line.tag_code} (${formatInr(line.making_discount_paise)}) is more than its making charge (${formatInr(making)})` }
    }
    total += line.making_discount_paise
    largestBps = Math.max(largestBps, Math.ceil((line.making_discount_paise * 10_000) / making))
  }
  if (!Number.isSafeInteger(billDiscountPaise) || billDiscountPaise < 0) {
    return { request: null, problem: "bill_discount must be a whole number of paise, not negative" }
  }
  return { request: { making_discount_paise: total, making_discount_bps: largestBps, bill_discount_paise: billDiscountPaise, rate_changes: rateChanges }, problem: null }
}

/** Where a request goes beyond a role's limits (empty when the limits cover it), each naming the limit. */
export function beyondLimits(request: DiscountRequest, limits: PriceLimits): string[] {
  const beyond: string[] = []
  if (limits.making_discount_bps !== null && request.making_discount_bps > limits.making_discount_bps) {
    beyond.push(`${request.making_discount_bps / 100} % off a piece's making charge (your limit ${limits.making_discount_bps / 100} %)`)
  }
  if (limits.making_discount_paise !== null && request.making_discount_paise > limits.making_discount_paise) {
    beyond.push(`${formatInr(request.making_discount_paise)} off making charges (your limit ${formatInr(limits.making_discount_paise)} a bill)`)
  }
  if (limits.bill_discount_paise !== null && request.bill_discount_paise > limits.bill_discount_paise) {
    beyond.push(`${formatInr(request.bill_discount_paise)} off the bill (your limit ${formatInr(limits.bill_discount_paise)})`)
  }
  for (const change of request.rate_changes) {
    const lowered = change.to_paise < change.from_paise
    if (limits.rate_change === "none" || (lowered && limits.rate_change !== "any")) {
      beyond.push(
        `${change.metal} ${change.purity} at ${formatInr(change.to_paise)}/g instead of ${formatInr(change.from_paise)}/g (${limits.rate_change === "none" ? "your role may not change the metal rate" : "your role may only raise the metal rate"})`
      )
    }
  }
  return beyond
}

/** Whether a bill asks anything the limits govern: a discount, or a metal rate of its own. */
export function asksPriceChange(request: DiscountRequest): boolean {
  return request.making_discount_paise > 0 || request.bill_discount_paise > 0 || request.rate_changes.length > 0
}

/** A fingerprint of the discounts and rates asked on a bill, so an approval is used only for the bill it was given for. */
export function discountFingerprint(parts: {
  branch_id: string
  customer_id: string
  items: { tag_code: string; quantity: number; making_discount_paise: number }[]
  bill_discount_paise: number
  rates?: BillRate[]
}): string {
  const rates = [...(parts.rates ?? [])].map((r) => `${r.metal}/${r.purity}/${r.rate_per_g_paise}`).sort()
  return JSON.stringify([
    parts.branch_id,
    parts.customer_id,
    [...parts.items].map((i) => [i.tag_code.trim().toUpperCase(), i.quantity, i.making_discount_paise]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    parts.bill_discount_paise,
    // A bill without rates of its own keeps the fingerprint it had before bills could carry them.
    ...(rates.length ? [rates] : []),
  ])
}
