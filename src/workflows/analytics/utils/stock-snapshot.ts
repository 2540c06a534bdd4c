import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { istToday } from "../../../lib/pos"
import { addDays } from "../../../lib/savings-schemes"
import { groupMetalValue } from "../../../lib/stock-valuation"
import { ANALYTICS_MODULE } from "../../../modules/analytics"
import { refreshStockFacts } from "../../../modules/analytics/queries/stock-facts"
import { stockGroups } from "../../../modules/analytics/queries/stock-report"
import type AnalyticsModuleService from "../../../modules/analytics/service"
import { JEWELRY_MODULE } from "../../../modules/jewelry"
import type JewelryModuleService from "../../../modules/jewelry/service"

/**
 * Records the stock as it is at `now` as the snapshot of `day`: per branch,
 * category, metal and purity, the metal valued at the rates in force then.
 * Taking a day again replaces it. Read from the shop's own database (not a
 * replica), so the day is exactly what the shelves held. Answers the rows.
 */
export async function takeStockSnapshot(container: MedusaContainer, day: string, now = new Date()): Promise<number> {
  const db = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  await refreshStockFacts(db)
  const [summary, rates] = await Promise.all([
    stockGroups(db, "category", {}, now),
    container.resolve<JewelryModuleService>(JEWELRY_MODULE).listCurrentMetalRates({ at: now }),
  ])
  const rows = summary.groups.map((g) => {
    const value = groupMetalValue(g, rates)
    return {
      day,
      taken_at: now,
      branch_id: g.branch_id,
      category: g.key,
      metal: g.metal,
      purity: g.purity,
      pieces: g.pieces,
      gross_weight_mg: g.gross_weight_mg,
      net_weight_mg: g.net_weight_mg,
      metal_value_paise: value ?? 0,
      unvalued_pieces: value === null ? g.pieces : 0,
      price_paise: g.price_paise,
      cost_paise: g.cost_paise,
      costed_pieces: g.costed_pieces,
      dead_pieces: g.ageing["365+"],
    }
  })
  await container.resolve<AnalyticsModuleService>(ANALYTICS_MODULE).replaceStockSnapshot(day, rows)
  return rows.length
}

/**
 * The close of yesterday (India time), if it has not been taken: the job
 * runs every quarter of an hour, so yesterday's snapshot is taken soon after
 * midnight (or, when the worker was down then, as soon as it is back; its
 * `taken_at` says when). Answers the day taken, or null.
 */
export async function takeMissingStockSnapshot(container: MedusaContainer, now = new Date()): Promise<string | null> {
  const day = addDays(istToday(now), -1)
  const analytics = container.resolve<AnalyticsModuleService>(ANALYTICS_MODULE)
  const [taken] = await analytics.listStockSnapshots({ day }, { select: ["id"], take: 1 })
  if (taken) {
    return null
  }
  await takeStockSnapshot(container, day, now)
  return day
}
