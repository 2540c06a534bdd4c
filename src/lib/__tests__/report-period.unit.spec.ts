import { daysIn, lastYearRange, previousRange, rangeInstants, reportRange } from "../report-period"

describe("report periods", () => {
  it("defaults to the last 30 days up to today", () => {
    expect(reportRange({}, "2026-12-04")).toEqual({ from: "2026-11-05", to: "2026-12-04" })
    expect(daysIn(reportRange({}, "2026-12-04"))).toBe(30)
    expect(reportRange({ to: "2026-03-01" }, "2026-12-04")).toEqual({ from: "2026-01-31", to: "2026-03-01" })
  })

  it("refuses an end before the start, naming to, and more than five years, naming from", () => {
    expect(() => reportRange({ from: "2026-12-04", to: "2026-12-03" }, "2026-12-04")).toThrow("to (2026-12-03) is before from (2026-12-04)")
    expect(() => reportRange({ from: "2021-12-03", to: "2026-12-04" }, "2026-12-04")).toThrow(/^from: a report covers at most five years/)
    expect(reportRange({ from: "2021-12-05", to: "2026-12-04" }, "2026-12-04")).toEqual({ from: "2021-12-05", to: "2026-12-04" })
  })

  it("compares November with October's last 30 days, and with November a year before", () => {
    const november = { from: "2026-11-01", to: "2026-11-30" }
    expect(previousRange(november)).toEqual({ from: "2026-10-02", to: "2026-10-31" })
    expect(lastYearRange(november)).toEqual({ from: "2025-11-01", to: "2025-11-30" })
    expect(lastYearRange({ from: "2028-02-29", to: "2028-03-01" })).toEqual({ from: "2027-02-28", to: "2027-03-01" })
  })

  it("covers whole days in India time", () => {
    expect(rangeInstants({ from: "2026-11-01", to: "2026-11-01" })).toEqual({ from: new Date("2026-10-31T18:30:00Z"), to: new Date("2026-11-01T18:30:00Z") })
  })
})
