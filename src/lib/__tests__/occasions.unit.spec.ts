import { formatShopDate, formatShopDay, monthDayKeys, nextOccurrence, shopToday } from "../occasions"

const day = (iso: string) => new Date(`${iso}T00:00:00Z`)

describe("occasions", () => {
  it("uses the shop's day in India: 20:00 UTC is already tomorrow", () => {
    expect(shopToday(new Date("2026-12-31T20:00:00Z"))).toEqual({ year: 2027, month: 1, day: 1 })
    expect(shopToday(new Date("2026-12-31T18:00:00Z"))).toEqual({ year: 2026, month: 12, day: 31 })
  })

  it("counts today as 0 days and wraps around the year end", () => {
    expect(nextOccurrence(day("1988-03-14"), { year: 2026, month: 3, day: 14 })).toEqual({ on: { year: 2026, month: 3, day: 14 }, in_days: 0, years: 38 })
    expect(nextOccurrence(day("1990-01-03"), { year: 2026, month: 12, day: 30 })).toEqual({ on: { year: 2027, month: 1, day: 3 }, in_days: 4, years: 37 })
  })

  it("celebrates 29 February on 28 February in other years, and on the 29th in leap years", () => {
    expect(nextOccurrence(day("1992-02-29"), { year: 2027, month: 2, day: 20 })).toEqual({ on: { year: 2027, month: 2, day: 28 }, in_days: 8, years: 35 })
    expect(nextOccurrence(day("1992-02-29"), { year: 2028, month: 2, day: 20 })).toEqual({ on: { year: 2028, month: 2, day: 29 }, in_days: 9, years: 36 })
  })

  it("lists the month-days of a window, with 29 February when the 28th of a common year is in it", () => {
    expect(monthDayKeys({ year: 2026, month: 12, day: 30 }, 3)).toEqual(["1230", "1231", "0101", "0102"])
    expect(monthDayKeys({ year: 2027, month: 2, day: 27 }, 1)).toEqual(["0227", "0228", "0229"])
    expect(monthDayKeys({ year: 2028, month: 2, day: 27 }, 1)).toEqual(["0227", "0228"])
  })
})

describe("formatShopDate", () => {
  it("writes the day in India as customers read it", () => {
    expect(formatShopDate(new Date("2026-12-31T06:00:00Z"))).toBe("31 December 2026")
    // 20:00 UTC on New Year's Eve is 01:30 on 1 January in India.
    expect(formatShopDate(new Date("2026-12-31T20:00:00Z"))).toBe("1 January 2027")
    expect(formatShopDay("2027-12-03")).toBe("3 December 2027")
  })

  it("writes what a fresh toLocaleDateString writes, every day of a year", () => {
    for (let day = 0; day < 366; day++) {
      const at = new Date(Date.UTC(2028, 0, 1, 19, 0) + day * 86_400_000)
      expect(formatShopDate(at)).toBe(at.toLocaleDateString("en-IN", { day: "numeric", month: "long", year: "numeric", timeZone: "Asia/Kolkata" }))
    }
  })
})
