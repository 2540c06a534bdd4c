import { rupeesToPaise } from "../../../lib/money"
import { DEMO_METAL_RATES } from "../data"
import { demoRateHistory, RATE_HISTORY_DAYS } from "../rate-history"

describe("demo rate history", () => {
  const today = new Date("2026-11-25T06:00:00Z")
  const rows = demoRateHistory(today)

  it("gives every shop-wide rate ninety earlier days, the same on every install", () => {
    const shopWide = DEMO_METAL_RATES.filter((r) => !r.branch)
    expect(rows).toHaveLength(shopWide.length * RATE_HISTORY_DAYS)
    expect(demoRateHistory(today)).toEqual(rows)
    expect(rows.every((r) => r.effective_from < today)).toBe(true)
  })

  it("moves in whole steps and stays near today's rate", () => {
    for (const rate of DEMO_METAL_RATES.filter((r) => !r.branch)) {
      const series = rows.filter((r) => r.metal === rate.metal && r.purity === rate.purity)
      const step = rate.metal === "silver" ? 50 : 500
      expect(series.every((r) => Number.isInteger(r.rate_per_g_paise) && r.rate_per_g_paise % step === 0)).toBe(true)
      const todayPaise = rupeesToPaise(rate.rupees)
      expect(series.every((r) => Math.abs(r.rate_per_g_paise - todayPaise) / todayPaise < 0.35)).toBe(true)
    }
  })
})
