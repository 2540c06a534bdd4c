/**
 * Counter-sale rules as pure functions: which tenders exist, whether the
 * tenders settle the bill (to the paisa), the change due, and the cash
 * limit of the Income Tax Act (s.269ST). Money is integer paise.
 */
import { MedusaError } from "@medusajs/framework/utils"
import { formatInr } from "./money"
import { shopToday } from "./occasions"

/** Tenders paid at the counter; each is a Medusa payment provider `pp_instore_<tender>`. */
export const IN_STORE_TENDERS = ["cash", "card", "upi", "old_gold", "scheme", "points"] as const
export type InStoreTender = (typeof IN_STORE_TENDERS)[number]

/** What staff may enter as a tender (points come from the loyalty redemption, a link is paid later). */
export const POS_TENDERS = ["cash", "card", "upi", "razorpay_link", "old_gold", "scheme"] as const
export type PosTender = (typeof POS_TENDERS)[number]

/** Every tender a reconciliation reports, with how it reads. */
export const TENDER_LABELS: Record<string, string> = {
  cash: "Cash",
  card: "Card",
  upi: "UPI",
  old_gold: "Old gold",
  scheme: "Savings scheme",
  points: "Loyalty points",
  razorpay: "Razorpay",
  razorpay_link: "Razorpay payment link",
  paypal: "PayPal",
  system: "Manual (system)",
  other: "Other",
}

/** The tender a Medusa payment provider id stands for. */
export function tenderOfProvider(providerId: string): string {
  const instore = /^pp_instore_(\w+)$/.exec(providerId)
  if (instore) {
    return instore[1]
  }
  if (providerId.startsWith("pp_razorpay")) {
    return "razorpay"
  }
  if (providerId.startsWith("pp_paypal")) {
    return "paypal"
  }
  return providerId === "pp_system_default" ? "system" : "other"
}

/**
 * Income Tax Act s.269ST: no one may receive ₹2,00,000 or more in cash from
 * a person in a day, or for one transaction. The limit is the first amount
 * refused.
 */
export const CASH_LIMIT_PAISE = 2_00_000_00

export type TenderInput = { kind: PosTender; amount_paise: number; reference?: string | null }

export type SettledTender = TenderInput & {
  /** What the tender pays towards the bill (cash less the change). */
  applied_paise: number
}

export type Settlement = {
  total_paise: number
  points_paise: number
  tenders: SettledTender[]
  cash_tendered_paise: number
  cash_kept_paise: number
  change_paise: number
  /** Paid later, through the payment link. */
  pending_paise: number
}

export type SettlementInput = {
  total_paise: number
  /** The value of the loyalty points put on the bill. */
  points_paise: number
  tenders: TenderInput[]
  /** Cash already received from this customer today (India time), in other sales. */
  cash_today_paise: number
}

/**
 * How the tenders settle a bill, or why they do not: together with the
 * points they must cover it exactly, except that cash may be more (the
 * difference is handed back as change); card, UPI, old gold, a savings scheme and the payment
 * link never give change. The cash kept, with what this customer paid in
 * cash earlier today, must stay under the s.269ST limit.
 */
export function settleBill(input: SettlementInput): { settlement: Settlement; problem: null } | { settlement: null; problem: string } {
  const refuse = (problem: string) => ({ settlement: null, problem })
  const { total_paise: total, points_paise: points } = input
  if (!Number.isSafeInteger(total) || total <= 0) {
    return refuse("the bill must be above ₹0")
  }
  if (!Number.isSafeInteger(points) || points < 0 || points > total) {
    return refuse(`the points (${formatInr(points)}) cannot pay more than the bill (${formatInr(total)})`)
  }
  for (const t of input.tenders) {
    if (!Number.isSafeInteger(t.amount_paise) || t.amount_paise <= 0) {
      return refuse(`every tender must be above ₹0 (a ${t.kind} tender is ${formatInr(t.amount_paise)})`)
    }
  }
  if (input.tenders.filter((t) => t.kind === "razorpay_link").length > 1) {
    return refuse("one payment link per sale: put the whole balance on one link")
  }
  const cash = input.tenders.filter((t) => t.kind === "cash").reduce((s, t) => s + t.amount_paise, 0)
  const other = input.tenders.filter((t) => t.kind !== "cash").reduce((s, t) => s + t.amount_paise, 0)
  const paid = cash + other + points
  if (paid < total) {
    return refuse(`the tenders${points ? " and points" : ""} add up to ${formatInr(paid)} but the bill is ${formatInr(total)}: ${formatInr(total - paid)} short`)
  }
  if (other + points > total) {
    return refuse(
      `card, UPI, old gold, scheme and payment link tenders${points ? " with the points" : ""} come to ${formatInr(other + points)}, more than the bill of ${formatInr(total)}; only cash gives change`
    )
  }
  const change = paid - total
  const cashKept = cash - change
  const cashToday = Math.max(0, input.cash_today_paise)
  if (cashKept + cashToday >= CASH_LIMIT_PAISE) {
    return refuse(
      `cash of ${formatInr(CASH_LIMIT_PAISE)} or more from one customer in a day is not allowed (Income Tax Act s.269ST): ` +
        `this sale takes ${formatInr(cashKept)} in cash${cashToday ? ` and ${formatInr(cashToday)} was taken earlier today` : ""}. ` +
        `Take at least ${formatInr(cashKept + cashToday - CASH_LIMIT_PAISE + 1)} of it by card, UPI or a payment link`
    )
  }
  let changeLeft = change
  const tenders = input.tenders.map((t) => {
    if (t.kind !== "cash" || changeLeft === 0) {
      return { ...t, applied_paise: t.amount_paise }
    }
    const back = Math.min(changeLeft, t.amount_paise)
    changeLeft -= back
    return { ...t, applied_paise: t.amount_paise - back }
  })
  return {
    problem: null,
    settlement: {
      total_paise: total,
      points_paise: points,
      tenders,
      cash_tendered_paise: cash,
      cash_kept_paise: cashKept,
      change_paise: change,
      pending_paise: tenders.filter((t) => t.kind === "razorpay_link").reduce((s, t) => s + t.amount_paise, 0),
    },
  }
}

/**
 * A fingerprint of what a sale asks for, so a key reused for a different sale is told apart from a replay.
 * Discounts, when asked (`discounts`: the discount fingerprint of src/lib/price-controls.ts), are part of it;
 * a sale without any keeps the fingerprint it always had.
 */
export function saleFingerprint(parts: { customer_id: string; branch_id: string; tag_codes: string[]; points: number; tenders: TenderInput[]; discounts?: string | null }): string {
  return JSON.stringify([
    parts.customer_id,
    parts.branch_id,
    [...parts.tag_codes].map((c) => c.toUpperCase()).sort(),
    parts.points,
    parts.tenders.map((t) => [t.kind, t.amount_paise, t.reference ?? null]),
    ...(parts.discounts ? [parts.discounts] : []),
  ])
}

/** The start and end (exclusive) of a day in India time, as instants. */
export function istDayRange(day: string): { from: Date; to: Date } {
  const from = new Date(`${day}T00:00:00+05:30`)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(from.getTime())) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Not a date: "${day}" (use YYYY-MM-DD)`)
  }
  return { from, to: new Date(from.getTime() + 86_400_000) }
}

/** Today's date in India time, YYYY-MM-DD. */
export function istToday(now = new Date()): string {
  const { year, month, day } = shopToday(now)
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`
}
