import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { boundRaw } from "../../lib/sql-rows"
import type { PublishedRate } from "../../lib/pricing"
import { JewelryAttributes } from "./models/jewelry-attributes"
import { MetalRate } from "./models/metal-rate"
import { PieceCost } from "./models/piece-cost"
import { RepriceJob } from "./models/reprice-job"

export type CurrentMetalRate = PublishedRate & {
  id: string
  effective_from: Date
  source: string
  set_by: string | null
}

class JewelryModuleService extends MedusaService({ MetalRate, JewelryAttributes, RepriceJob, PieceCost }) {
  /**
   * The rates in force at `at` (default now): for each metal, purity and
   * branch (or shop-wide), the published row with the latest effective time.
   */
  @InjectManager()
  async listCurrentMetalRates(
    { at = new Date(), branch_ids }: { at?: Date; branch_ids?: (string | null)[] } = {},
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<CurrentMetalRate[]> {
    const rows: {
      id: string
      metal: PublishedRate["metal"]
      purity: number
      rate_per_g_paise: number
      branch_id: string | null
      effective_from: Date
      source: string
      set_by: string | null
    }[] = await sharedContext.manager!.execute(
      `select distinct on (metal, purity, coalesce(branch_id, ''))
              id, metal, purity, rate_per_g_paise, branch_id, effective_from, source, set_by
         from metal_rate
        where deleted_at is null and effective_from <= ?
        order by metal, purity, coalesce(branch_id, ''), effective_from desc, created_at desc`,
      [at]
    )
    const wanted = branch_ids ? new Set(branch_ids) : undefined
    return rows
      .filter((row) => !wanted || wanted.has(row.branch_id))
      .map((row) => ({ ...row, purity: Number(row.purity), rate_per_g_paise: Number(row.rate_per_g_paise) }))
  }

  /**
   * The rate history a stretch of time needs: the rates in force at `from`
   * and every rate that took effect after it until `to`, so the rates in
   * force at any instant between are `ratesInForceAt(rows, instant)`
   * (src/lib/pricing) — one read for a batch of bills of different days.
   */
  @InjectManager()
  async listMetalRatesInForceBetween(
    { from, to, branch_ids }: { from: Date; to: Date; branch_ids?: (string | null)[] },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<(CurrentMetalRate & { created_at: Date })[]> {
    const rows: (CurrentMetalRate & { created_at: Date })[] = await sharedContext.manager!.execute(
      `select id, metal, purity, rate_per_g_paise, branch_id, effective_from, created_at, source, set_by
         from metal_rate r
        where deleted_at is null and effective_from <= ?
          and (effective_from > ?
               or id in (select distinct on (metal, purity, coalesce(branch_id, '')) id from metal_rate
                          where deleted_at is null and effective_from <= ?
                          order by metal, purity, coalesce(branch_id, ''), effective_from desc, created_at desc))`,
      [to, from, from]
    )
    const wanted = branch_ids ? new Set(branch_ids) : undefined
    return rows
      .filter((row) => !wanted || wanted.has(row.branch_id))
      .map((row) => ({ ...row, purity: Number(row.purity), rate_per_g_paise: Number(row.rate_per_g_paise), effective_from: new Date(row.effective_from), created_at: new Date(row.created_at) }))
  }

  /**
   * Stores many computed breakdowns in one statement (a reprice batch writes
   * thousands; the generated update would issue one query per row), given as
   * the JSON text of an array of `{ id, breakdown }`: a reprice batch carries
   * them as that text, and it is bound as it is.
   */
  @InjectManager()
  async storeBreakdowns(itemsJson: string, pricedAt: Date, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    await boundRaw(
      sharedContext.manager!,
      `update jewelry_attributes ja
          set breakdown = v.breakdown, priced_at = ?, updated_at = now()
         from jsonb_to_recordset(?::jsonb) as v(id text, breakdown jsonb)
        where ja.id = v.id`,
      [pricedAt, itemsJson]
    )
  }
}

export default JewelryModuleService
