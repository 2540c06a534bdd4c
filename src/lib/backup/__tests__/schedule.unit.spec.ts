import { backupDue, lastScheduledAt, parseSchedule } from "../schedule"

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
