/**
 * The period a report covers and the two it is compared with
 * (docs/reports.md): days in India time, both ends included.
 */
import { MedusaError } from "@medusajs/framework/utils"
import { istDayRange } from "./pos"
import { addDays, addMonths, daysBetween } from "./savings-schemes"

export type DayRange = { from: string; to: string }

/** The longest period a report covers: five years, leap days included. */
export const MAX_REPORT_DAYS = 5 * 365 + 2

/** Days from the default period's start to today: the last 30 days. */
const DEFAULT_DAYS = 30

/** The number of days in a range, both ends counted. */
export function daysIn(range: DayRange): number {
  return daysBetween(range.from, range.to) + 1
}

/**
 * The period asked for: `to` defaults to today, `from` to 29 days before
 * `to`. A period that ends before it starts, or is longer than five years,
 * is refused naming the field to change.
 */
export function reportRange(asked: Partial<DayRange>, today: string): DayRange {
  const to = asked.to ?? today
  const from = asked.from ?? addDays(to, -(DEFAULT_DAYS - 1))
  if (daysBetween(from, to) < 0) {
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
  return { from: addDays(range.from, -daysIn(range)), to: addDays(range.from, -1) }
}

/** The same days a year earlier; 29 February falls on the 28th. */
export function lastYearRange(range: DayRange): DayRange {
  return { from: addMonths(range.from, -12), to: addMonths(range.to, -12) }
}

/** The instants a range covers in India time: [from 00:00 IST, the day after `to` 00:00 IST). */
export function rangeInstants(range: DayRange): { from: Date; to: Date } {
  return { from: istDayRange(range.from).from, to: istDayRange(range.to).to }
}
