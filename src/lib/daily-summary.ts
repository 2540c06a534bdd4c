/**
 * The owner's morning message (docs/reports.md, "The daily summary"): who
 * gets one, when it is due, and what it says — pure, with worked examples
 * in its unit test. The owners get the whole shop; each branch manager gets
 * one per branch of theirs.
 */
import { MedusaError } from "@medusajs/framework/utils"
import { dailyTimeOf, lastScheduledAt, type DailyTime } from "./backup/schedule"
import { formatInr } from "./money"
import { istToday } from "./pos"
import { addDays } from "./savings-schemes"

/** DAILY_SUMMARY_AT: the time of day (India time) the summary goes out, "09:00" by default; "off" sends none. */
export function parseSummaryTime(value: string | undefined): DailyTime | null {
  const text = (value ?? "").trim() || "09:00"
  if (text.toLowerCase() === "off") {
    return null
  }
  const time = dailyTimeOf(text)
  if (!time) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `DAILY_SUMMARY_AT must be a time of day in India time such as 09:00, or "off"; got "${value}"`)
  }
  return time
}

/**
 * The India day a summary sent now covers: the day before the one in which
 * the summary time last came round (the summary of the 3rd goes out on the
 * morning of the 4th, and a server that was down then sends it when back).
 */
export function summaryDay(time: DailyTime, now: Date): string {
  return addDays(istToday(lastScheduledAt(time, now)), -1)
}

export type SummaryChannel = "sms" | "whatsapp" | "email"

/**
 * DAILY_SUMMARY_CHANNEL: "sms" by default, "whatsapp", "email", or email
 * with one phone channel ("email,sms"). The phone channels write to the
 * user's metadata.phone, email to the user's sign-in address.
 */
export function parseSummaryChannels(value: string | undefined): SummaryChannel[] {
  const names = [...new Set((value ?? "").split(",").map((v) => v.trim().toLowerCase()).filter(Boolean))]
  const unknown = names.filter((n) => !["sms", "whatsapp", "email"].includes(n))
  if (unknown.length || (names.includes("sms") && names.includes("whatsapp"))) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `DAILY_SUMMARY_CHANNEL must be sms, whatsapp or email, or email with one of the others ("email,sms"); got "${value}"`
    )
  }
  return names.length ? (names as SummaryChannel[]) : ["sms"]
}

/** Each summary is queued once per person, scope, day and kind of channel (one phone message, one email). */
export function summaryKey(r: SummaryRecipient, day: string, channel: SummaryChannel): string {
  return `daily-summary:${r.user_id}:${r.branch_id ?? "shop"}:${day}${channel === "email" ? ":email" : ""}`
}

export type StaffRole = { user_id: string; role: string; branch_ids: string[] }
/** One summary to send: `branch_id` null for the whole shop. */
export type SummaryRecipient = { user_id: string; branch_id: string | null }

export function summaryRecipients(staff: StaffRole[]): SummaryRecipient[] {
  const owners = staff.filter((s) => s.role === "owner").map((s) => ({ user_id: s.user_id, branch_id: null }))
  const managers = staff.filter((s) => s.role === "branch_manager").flatMap((s) => [...new Set(s.branch_ids)].sort().map((branch_id) => ({ user_id: s.user_id, branch_id })))
  return [...owners, ...managers]
}

export type SummaryFigures = {
  /** "All branches" or the branch's name. */
  scope: string
  day: string
  bills: number
  pieces: number
  revenue_paise: number
  gst_paise: number
  gold_net_weight_mg: number
  /** The day's best sellers by sales before GST, best first. */
  top_pieces: { title: string; revenue_paise: number }[]
  /** Cash taken less cash refunded, and every tender's net (the payments reconciliation of the day). */
  cash_net_paise: number
  collected_net_paise: number
  failed_payments: number
  overdue_follow_ups: number
}

const grams = (mg: number) => `${(mg / 1000).toLocaleString("en-IN", { minimumFractionDigits: 3, maximumFractionDigits: 3 })} g`

/** 2026-12-03 → "3 Dec 2026". */
function dayLabel(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en-IN", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" })
}

/** The daily_summary message's variables. */
export function summaryVariables(f: SummaryFigures): Record<string, string> {
  return {
    scope: f.scope,
    day: dayLabel(f.day),
    sales: formatInr(f.revenue_paise),
    with_gst: formatInr(f.revenue_paise + f.gst_paise),
    bills: f.bills.toLocaleString("en-IN"),
    pieces: f.pieces.toLocaleString("en-IN"),
    gold_weight: grams(f.gold_net_weight_mg),
    top_pieces: f.top_pieces.length ? f.top_pieces.map((p) => `${p.title} (${formatInr(p.revenue_paise)})`).join(", ") : "none",
    cash: formatInr(f.cash_net_paise),
    collected: formatInr(f.collected_net_paise),
    failed_payments: f.failed_payments.toLocaleString("en-IN"),
    overdue: f.overdue_follow_ups.toLocaleString("en-IN"),
  }
}
