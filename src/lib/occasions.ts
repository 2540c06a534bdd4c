/**
 * Birthdays and anniversaries coming up. Dates are calendar days (stored as
 * UTC midnight); "today" is the shop's day in India (UTC+05:30). A 29 February
 * birthday is celebrated on 28 February in other years.
 */
export const IST_OFFSET_MINUTES = 330

export type CalendarDay = { year: number; month: number; day: number }

export function shopToday(now: Date = new Date()): CalendarDay {
  const ist = new Date(now.getTime() + IST_OFFSET_MINUTES * 60_000)
  return { year: ist.getUTCFullYear(), month: ist.getUTCMonth() + 1, day: ist.getUTCDate() }
}

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

const toUtc = (d: CalendarDay) => Date.UTC(d.year, d.month - 1, d.day)

/** The next time (today included) a yearly date falls, and how many days away. */
export function nextOccurrence(date: Date, today: CalendarDay): { on: CalendarDay; in_days: number; years: number } {
  const month = date.getUTCMonth() + 1
  const day = date.getUTCDate()
  const inYear = (year: number): CalendarDay =>
    month === 2 && day === 29 && !isLeap(year) ? { year, month: 2, day: 28 } : { year, month, day }
  let on = inYear(today.year)
  if (toUtc(on) < toUtc(today)) {
    on = inYear(today.year + 1)
  }
  return { on, in_days: Math.round((toUtc(on) - toUtc(today)) / 86_400_000), years: on.year - date.getUTCFullYear() }
}

/** Month-day keys ("MMDD") of the window [today, today + days], for a SQL pre-filter. */
export function monthDayKeys(today: CalendarDay, days: number): string[] {
  const keys = new Set<string>()
  for (let i = 0; i <= days; i++) {
    const d = new Date(toUtc(today) + i * 86_400_000)
    const month = d.getUTCMonth() + 1
    const day = d.getUTCDate()
    keys.add(`${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}`)
    if (month === 2 && day === 28 && !isLeap(d.getUTCFullYear())) {
      keys.add("0229")
    }
  }
  return [...keys]
}

/**
 * One formatter for the process: `toLocaleDateString` with options builds a
 * new one on every call, which was an eighth of an offer run's time (one
 * date a message, 100 000 messages; docs/benchmarks.md, "Generating offers").
 */
const SHOP_DATE = new Intl.DateTimeFormat("en-IN", { day: "numeric", month: "long", year: "numeric", timeZone: "Asia/Kolkata" })

/** A date as customers read it, in India time: "31 December 2026". */
export function formatShopDate(date: Date): string {
  return SHOP_DATE.format(date)
}

/** A calendar day in India ("2027-12-03") as customers read it: "3 December 2027". */
export function formatShopDay(day: string): string {
  return formatShopDate(new Date(`${day}T12:00:00+05:30`))
}
