import { applyRetention, dayKey, monthKey, retentionFromEnv, weekKey, DEFAULT_RETENTION } from "../retention"

/** A backup at an Indian Standard Time wall-clock time. */
const at = (ist: string) => ({ name: ist, created_at: new Date(`${ist}+05:30`) })

describe("calendar keys (IST)", () => {
  it("puts 01:30 IST on 1 March into March, although it is still 28 February in UTC", () => {
    const d = new Date("2026-03-01T01:30:00+05:30")
    expect(d.toISOString()).toBe("2026-02-28T20:00:00.000Z")
    expect(dayKey(d)).toBe("2026-03-01")
    expect(monthKey(d)).toBe("2026-03")
    expect(dayKey(d, 0)).toBe("2026-02-28")
  })

  it("numbers ISO weeks from Monday, the year going with the week's Thursday", () => {
    expect(weekKey(new Date("2026-02-16T10:00:00+05:30"))).toBe("2026-W08") // Monday
    expect(weekKey(new Date("2026-02-22T23:00:00+05:30"))).toBe("2026-W08") // the Sunday after
    expect(weekKey(new Date("2026-02-23T00:10:00+05:30"))).toBe("2026-W09") // next Monday
    expect(weekKey(new Date("2027-01-01T10:00:00+05:30"))).toBe("2026-W53") // 2026 starts on a Thursday: 53 weeks
    expect(weekKey(new Date("2024-12-30T10:00:00+05:30"))).toBe("2025-W01")
  })
})

describe("applyRetention", () => {
  it("worked example: 3 daily, 2 weekly, 2 monthly", () => {
    // 1 Feb 2026 is a Sunday: 16–22 Feb is ISO week 8, 10 Feb week 7, 31 Jan and 1 Feb week 5, 15 Jan week 3.
    const backups = [
      at("2026-01-15T02:00:00"),
      at("2026-01-31T02:00:00"),
      at("2026-02-01T02:00:00"),
      at("2026-02-10T02:00:00"),
      at("2026-02-16T02:00:00"),
      at("2026-02-20T02:00:00"),
      at("2026-02-21T02:00:00"),
      at("2026-02-22T02:00:00"),
      at("2026-02-22T23:00:00"),
    ]
    const { keep, remove } = applyRetention(backups, { daily: 3, weekly: 2, monthly: 2 })
    expect(keep.map((k) => [k.backup.name, k.reasons])).toEqual([
      ["2026-02-22T23:00:00", ["daily 2026-02-22", "weekly 2026-W08", "monthly 2026-02"]],
      ["2026-02-21T02:00:00", ["daily 2026-02-21"]],
      ["2026-02-20T02:00:00", ["daily 2026-02-20"]],
      ["2026-02-10T02:00:00", ["weekly 2026-W07"]],
      ["2026-01-31T02:00:00", ["monthly 2026-01"]],
    ])
    // The earlier of two on one day, and everything older than the windows.
    expect(remove.map((b) => b.name)).toEqual(["2026-02-22T02:00:00", "2026-02-16T02:00:00", "2026-02-01T02:00:00", "2026-01-15T02:00:00"])
  })

  it("default policy on 400 days of nightly backups keeps 7 days, 4 weeks and 12 months: 19 backups", () => {
    const start = new Date("2025-01-01T02:00:00+05:30").getTime()
    const backups = Array.from({ length: 400 }, (_, i) => ({ name: `b${i}`, created_at: new Date(start + i * 86_400_000) }))
    const { keep, remove } = applyRetention(backups, DEFAULT_RETENTION)
    // Last: 4 Feb 2026 (a Wednesday). Daily 29 Jan–4 Feb (7); weekly adds Sun 25 Jan and Sun 18 Jan (W06 and
    // W05 are covered by the daily ones: 4 Feb, 1 Feb); monthly Feb 2026 back to Mar 2025, of which 4 Feb and
    // 31 Jan are already kept, adds the last day of each month Mar–Dec 2025 (10).
    expect(keep).toHaveLength(7 + 2 + 10)
    expect(keep.length + remove.length).toBe(400)
    expect(keep.filter((k) => k.reasons.some((r) => r.startsWith("monthly"))).map((k) => dayKey(k.backup.created_at))).toEqual([
      "2026-02-04",
      "2026-01-31",
      "2025-12-31",
      "2025-11-30",
      "2025-10-31",
      "2025-09-30",
      "2025-08-31",
      "2025-07-31",
      "2025-06-30",
      "2025-05-31",
      "2025-04-30",
      "2025-03-31",
    ])
  })

  it("always keeps the newest backup, even with every count at 0", () => {
    const { keep, remove } = applyRetention([at("2026-02-01T02:00:00"), at("2026-02-02T02:00:00")], { daily: 0, weekly: 0, monthly: 0 })
    expect(keep.map((k) => [k.backup.name, k.reasons])).toEqual([["2026-02-02T02:00:00", ["newest"]]])
    expect(remove.map((b) => b.name)).toEqual(["2026-02-01T02:00:00"])
  })

  it("keeps everything while there are fewer backups than the policy allows", () => {
    expect(applyRetention([at("2026-02-01T02:00:00")]).remove).toEqual([])
    expect(applyRetention([])).toEqual({ keep: [], remove: [] })
  })
})

describe("retentionFromEnv", () => {
  it("reads BACKUP_KEEP_* and keeps the defaults for the rest", () => {
    expect(retentionFromEnv({})).toEqual({ daily: 7, weekly: 4, monthly: 12 })
    expect(retentionFromEnv({ BACKUP_KEEP_DAILY: "14", BACKUP_KEEP_MONTHLY: "0" })).toEqual({ daily: 14, weekly: 4, monthly: 0 })
  })

  it.each(["-1", "2.5", "seven", "1e3"])("refuses BACKUP_KEEP_WEEKLY=%p", (value) => {
    expect(() => retentionFromEnv({ BACKUP_KEEP_WEEKLY: value })).toThrow(`BACKUP_KEEP_WEEKLY must be a whole number of backups to keep (0 or more), got "${value}"`)
  })
})
