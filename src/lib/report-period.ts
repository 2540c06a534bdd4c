/**
 * The period a report covers and the two it is compared with
 * (docs/reports.md): days in India time, both ends included.
 */
import { MedusaError } from "@medusajs/framework/utils"

export type DayRange = { from: string; to: string }

/** The longest period a report covers: five years, leap days included. */
export const MAX_REPORT_DAYS = 5 * 365 + 2

/** Days from the default period's start to today: the last 30 days. */
const DEFAULT_DAYS = 30

const DAY_MS = 86_400_000
const toUtc = (day: string) => Date.parse(`${day}T00:00:00Z`)
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/** The number of days in a range, both ends counted. */
export function daysIn(range: DayRange): number {
  return Math.round((toUtc(range.to) - toUtc(range.from)) / DAY_MS) + 1
}

/**
 * The period asked for: `to` defaults to today, `from` to 29 days before
 * `to`. A period that ends before it starts, or is longer than five years,
 * is refused naming the field to change.
 */
export function reportRange(asked: Partial<DayRange>, today: string): DayRange {
  const to = asked.to ?? today
  const from = asked.from ?? fromUtc(toUtc(to) - (DEFAULT_DAYS - 1) * DAY_MS)
  if (toUtc(to) < toUtc(from)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `to (${to}) is before from (${from})`)
  }
  const range = { from, to }
  if (daysIn(range) > MAX_REPORT_DAYS) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `from: a report covers at most five years (${MAX_REPORT_DAYS} days); ${from} to ${to} is ${daysIn(range)}`)
  }
  return range
}

/** The same number of days just before. */
export function previousRange(range: DayRange): DayRange {
  const days = daysIn(range)
  return { from: fromUtc(toUtc(range.from) - days * DAY_MS), to: fromUtc(toUtc(range.from) - DAY_MS) }
}

/** The same days a year earlier; 29 February falls on the 28th. */
export function lastYearRange(range: DayRange): DayRange {
  const back = (day: string) => {
    const [y, m, d] = day.split("-").map(Number)
    const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate()
    return fromUtc(Date.UTC(y - 1, m - 1, Math.min(d, last)))
  }
  return { from: back(range.from), to: back(range.to) }
}

/** The instants a range covers in India time: [from 00:00 IST, the day after `to` 00:00 IST). */
export function rangeInstants(range: DayRange): { from: Date; to: Date } {
  return { from: new Date(`${range.from}T00:00:00+05:30`), to: new Date(toUtc(range.to) + DAY_MS - 5.5 * 3_600_000) }
}
