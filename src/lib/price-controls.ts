/**
 * What each role may take off a counter bill without asking (docs/counter.md, "Discounts and approvals"):
 * a discount on a piece's making charge (as a share of that making charge, and in rupees over the whole
 * bill) and a bill discount in rupees. A request beyond the seller's limits needs the approval of someone
 * whose limits cover it. Money is integer paise, shares basis points; null is "no limit".
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
}

/** The shop's limits until the owner sets others: sales staff 10 % of making, ₹5,000 a bill, ₹500 off a bill; managers three times that and ₹5,000. */
export const DEFAULT_PRICE_LIMITS: Readonly<Record<StaffRole, PriceLimits>> = {
  owner: { making_discount_bps: null, making_discount_paise: null, bill_discount_paise: null },
  branch_manager: { making_discount_bps: 3_000, making_discount_paise: 50_000_00, bill_discount_paise: 5_000_00 },
  sales_staff: { making_discount_bps: 1_000, making_discount_paise: 5_000_00, bill_discount_paise: 500_00 },
  accountant: { making_discount_bps: 0, making_discount_paise: 0, bill_discount_paise: 0 },
  auditor: { making_discount_bps: 0, making_discount_paise: 0, bill_discount_paise: 0 },
}

export type DiscountLine = { tag_code: string; quantity: number; making_charge_paise: number | null; making_discount_paise: number }

export type DiscountRequest = {
  making_discount_paise: number
  /** The largest share of one piece's making charge taken off, in basis points (rounded up). */
  making_discount_bps: number
  bill_discount_paise: number
}

/** What a bill's discounts come to, or the first line that cannot be discounted so. */
export function discountRequest(lines: DiscountLine[], billDiscountPaise: number): { request: DiscountRequest; problem: null } | { request: null; problem: string } {
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
  return { request: { making_discount_paise: total, making_discount_bps: largestBps, bill_discount_paise: billDiscountPaise }, problem: null }
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
  return beyond
}

/** Whether a bill asks for any discount at all. */
export function asksDiscount(request: DiscountRequest): boolean {
  return request.making_discount_paise > 0 || request.bill_discount_paise > 0
}

/** A fingerprint of the discounts asked on a bill, so an approval is used only for the bill it was given for. */
export function discountFingerprint(parts: { branch_id: string; customer_id: string; items: { tag_code: string; quantity: number; making_discount_paise: number }[]; bill_discount_paise: number }): string {
  return JSON.stringify([
    parts.branch_id,
    parts.customer_id,
    [...parts.items].map((i) => [i.tag_code.trim().toUpperCase(), i.quantity, i.making_discount_paise]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    parts.bill_discount_paise,
  ])
}
