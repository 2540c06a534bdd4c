/**
 * Ninety days of published shop-wide rates before today's, so the metal
 * rates page has a history to chart: a deterministic random walk that ends
 * near today's rate. Written once, next to the opening rates.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { rupeesToPaise } from "../../lib/money"
import { JEWELRY_MODULE } from "../../modules/jewelry"
import type JewelryModuleService from "../../modules/jewelry/service"
import { DEMO_METAL_RATES } from "./data"
import { generator } from "./random"

export const RATE_HISTORY_DAYS = 90
const SOURCE = "demo-history"
/** Rates move in whole steps: ₹5 for gold and platinum, 50 paise for silver. */
const STEP_PAISE = { gold: 500, platinum: 500, silver: 50 } as const

export function demoRateHistory(today: Date) {
  const random = generator(916)
  const rows: { metal: "gold" | "silver" | "platinum"; purity: number; rate_per_g_paise: number; effective_from: Date }[] = []
  for (const rate of DEMO_METAL_RATES.filter((r) => !r.branch)) {
    const step = STEP_PAISE[rate.metal]
    let paise = rupeesToPaise(rate.rupees)
    for (let day = 1; day <= RATE_HISTORY_DAYS; day++) {
      // Walking back in time: prices were a little lower on average, ±0.8 % a day.
      paise = Math.round((paise * (1 - 0.0012 + (random.next() - 0.5) * 0.016)) / step) * step
      const effective = new Date(today)
      effective.setUTCDate(effective.getUTCDate() - day)
      // 10:00 IST, when associations publish the day's rate.
      effective.setUTCHours(4, 30, 0, 0)
      rows.push({ metal: rate.metal, purity: rate.purity, rate_per_g_paise: paise, effective_from: effective })
    }
  }
  return rows
}

export async function ensureRateHistory(container: MedusaContainer) {
  const jewelry: JewelryModuleService = container.resolve(JEWELRY_MODULE)
  const [, count] = await jewelry.listAndCountMetalRates({ source: SOURCE }, { take: 1 })
  if (count > 0) {
    return
  }
  const [opening] = await jewelry.listMetalRates({ source: "demo" }, { order: { effective_from: "ASC" }, take: 1 })
  const rows = demoRateHistory(opening?.effective_from ? new Date(opening.effective_from) : new Date())
  await jewelry.createMetalRates(rows.map((row) => ({ ...row, branch_id: null, source: SOURCE, note: "Demo history" })))
}
