import { backupDue, drillDue, lastScheduledAt, parseDrillInterval, parseSchedule } from "../schedule"

const ist = (text: string) => new Date(`${text}+05:30`)

describe("BACKUP_SCHEDULE", () => {
  it("reads a time of day", () => {
    expect(parseSchedule("02:30")).toEqual({ hour: 2, minute: 30 })
    expect(parseSchedule(" 23:05 ")).toEqual({ hour: 23, minute: 5 })
    expect(parseSchedule("7:00")).toEqual({ hour: 7, minute: 0 })
  })

  it.each(["24:00", "2:3", "02:30 IST", "daily", ""])("refuses %p", (value) => {
    expect(() => parseSchedule(value)).toThrow(`BACKUP_SCHEDULE must be a time of day in India time, e.g. 02:30, got "${value}"`)
  })

  it("worked example: 02:30 IST is 21:00 UTC the day before", () => {
    const time = parseSchedule("02:30")
    expect(lastScheduledAt(time, ist("2026-03-10T02:29:00")).toISOString()).toBe("2026-03-08T21:00:00.000Z") // 9 March, 02:30 IST
    expect(lastScheduledAt(time, ist("2026-03-10T02:30:00")).toISOString()).toBe("2026-03-09T21:00:00.000Z") // 10 March, 02:30 IST
    expect(lastScheduledAt(time, ist("2026-03-10T23:59:00")).toISOString()).toBe("2026-03-09T21:00:00.000Z")
  })

  it("is due once a day, after the time, and catches up after the machine was off", () => {
    const time = parseSchedule("02:30")
    const lastNight = ist("2026-03-10T02:31:10")
    expect(backupDue(time, ist("2026-03-10T02:15:00"), ist("2026-03-09T02:31:00"))).toBe(false) // before today's time
    expect(backupDue(time, ist("2026-03-10T02:30:00"), ist("2026-03-09T02:31:00"))).toBe(true)
    expect(backupDue(time, ist("2026-03-10T02:45:00"), lastNight)).toBe(false) // taken at 02:31
    expect(backupDue(time, ist("2026-03-11T02:29:00"), lastNight)).toBe(false)
    expect(backupDue(time, ist("2026-03-13T18:00:00"), lastNight)).toBe(true) // off for three days: once, now
    expect(backupDue(time, ist("2026-03-10T09:00:00"), undefined)).toBe(true) // never backed up
    // A backup made by hand after today's time counts for today.
    expect(backupDue(time, ist("2026-03-10T20:00:00"), ist("2026-03-10T11:00:00"))).toBe(false)
  })
})

describe("the restore drill's turn (BACKUP_VERIFY_EVERY_DAYS)", () => {
  const now = ist("2026-03-10T03:00:00")
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString()

  it("is weekly by default, off at 0, and refuses anything but whole days", () => {
    expect(parseDrillInterval(undefined)).toBe(7)
    expect(parseDrillInterval(" ")).toBe(7)
    expect(parseDrillInterval("0")).toBe(0)
    expect(parseDrillInterval("30")).toBe(30)
    for (const bad of ["-1", "1.5", "weekly", "400"]) {
      expect(() => parseDrillInterval(bad)).toThrow(`BACKUP_VERIFY_EVERY_DAYS must be a whole number of days from 0 (never) to 366, got "${bad}"`)
    }
  })

  it("comes when no backup passed a drill within the interval", () => {
    expect(drillDue([{}], now, 7)).toBe(true)
    expect(drillDue([{}, { verified_at: daysAgo(6.9), verification: { at: daysAgo(6.9), ok: true } }], now, 7)).toBe(false)
    expect(drillDue([{}, { verified_at: daysAgo(7.1), verification: { at: daysAgo(7.1), ok: true } }], now, 7)).toBe(true)
  })

  it("tries a failed drill again the next day, not every quarter of an hour", () => {
    const failed = (days: number) => ({ verified_at: daysAgo(20), verification: { at: daysAgo(days), ok: false } })
    expect(drillDue([{}, failed(0.01)], now, 7)).toBe(false)
    expect(drillDue([{}, failed(0.5)], now, 7)).toBe(false)
    expect(drillDue([{}, failed(1)], now, 7)).toBe(true)
  })

  it("never comes with no backups, or when turned off", () => {
    expect(drillDue([], now, 7)).toBe(false)
    expect(drillDue([{}], now, 0)).toBe(false)
  })
})
