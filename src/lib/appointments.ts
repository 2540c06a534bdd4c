/**
 * Customers booking a visit to a branch, or a video call with it, from the
 * storefront (docs/storefront.md, "See it in a branch"): which times can be
 * booked and how the booking reads in the customer's history. Pure; times
 * are India time, as the branches keep them.
 */
import { IST_OFFSET_MINUTES } from "./occasions"

export const APPOINTMENT_KINDS = ["visit", "video_call"] as const
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number]

/** Branch hours a booking may start in (minutes after midnight, India time): 10:30 to 19:30, every half hour. */
export const FIRST_SLOT = 10 * 60 + 30
export const LAST_SLOT = 19 * 60 + 30
export const SLOT_MINUTES = 30
export const MIN_NOTICE_MINUTES = 60
export const MAX_DAYS_AHEAD = 60

const istMinutes = (date: Date) => {
  const ist = new Date(date.getTime() + IST_OFFSET_MINUTES * 60_000)
  return ist.getUTCHours() * 60 + ist.getUTCMinutes()
}

/** Why a slot cannot be booked at `now`, or null when it can. */
export function slotProblem(slot: Date, now: Date): string | null {
  if (Number.isNaN(slot.getTime())) {
    return "Choose a date and a time."
  }
  if (slot.getTime() < now.getTime() + MIN_NOTICE_MINUTES * 60_000) {
    return "Choose a time at least an hour from now."
  }
  if (slot.getTime() > now.getTime() + MAX_DAYS_AHEAD * 24 * 3600_000) {
    return `Choose a time within the next ${MAX_DAYS_AHEAD} days.`
  }
  const minutes = istMinutes(slot)
  if (slot.getUTCSeconds() || slot.getUTCMilliseconds() || minutes % SLOT_MINUTES) {
    return "Choose a time on the hour or at half past."
  }
  if (minutes < FIRST_SLOT || minutes > LAST_SLOT) {
    return "Our branches see customers from 10:30 am to 8 pm (India time): choose a time from 10:30 am to 7:30 pm."
  }
  return null
}

/** The times that can be booked on a day ("2026-12-09", India time) at `now`. */
export function slotsOn(day: string, now: Date): Date[] {
  const midnight = Date.parse(`${day}T00:00:00+05:30`)
  if (Number.isNaN(midnight)) {
    return []
  }
  const slots: Date[] = []
  for (let minutes = FIRST_SLOT; minutes <= LAST_SLOT; minutes += SLOT_MINUTES) {
    const slot = new Date(midnight + minutes * 60_000)
    if (!slotProblem(slot, now)) {
      slots.push(slot)
    }
  }
  return slots
}

const WHEN = new Intl.DateTimeFormat("en-IN", { timeZone: "Asia/Kolkata", day: "numeric", month: "short", year: "numeric", hour: "numeric", minute: "2-digit" })

/** How the booking reads in the customer's history and on the branch's follow-up. */
export function appointmentSummary(kind: AppointmentKind, branchName: string, slot: Date, pieceTitle?: string | null, note?: string | null): string {
  const what = kind === "visit" ? `a visit to ${branchName}` : `a video call with ${branchName}`
  const about = pieceTitle ? ` to see ${pieceTitle}` : ""
  return `Booked ${what} on ${WHEN.format(slot)} (India time)${about}, from the storefront.${note ? ` Note: ${note}` : ""}`
}
