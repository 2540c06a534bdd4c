import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { priceStoredPiece, resolveMetalRate, type PriceBreakdown, type StoredPiece } from "../../../lib/pricing"
import { JEWELRY_MODULE } from "../../../modules/jewelry"
import type JewelryModuleService from "../../../modules/jewelry/service"
import { VARIANT_ATTRIBUTES_LINK_TABLE, VARIANT_PRICE_SET_LINK_TABLE } from "../utils/catalogue-tables"

export type RepricedPiece = {
  attributes_id: string
  variant_id: string
  price_set_id: string
  /** The set's base INR price (no rules, no price list), when it has one. */
  price_id: string | null
  /** Its amount before this batch, as a decimal string, to put back on compensation. */
  previous_amount: string | null
  /** The new base price: the breakdown's taxable value, in paise. */
  taxable_value: number
}

type StoredBreakdown = PriceBreakdown & { metal: string; purity: number; rate_source: string }

export type RepriceFailure = { attributes_id: string; variant_id: string | null; reason: string }

/**
 * A computed batch: its priced pieces, their breakdowns as one JSON text (an array of `{ id, breakdown }`), its
 * failures and the cursor after it (`count` rows read). The breakdowns travel as text because the workflow engine
 * deep-copies every object a step receives, and 2 000 breakdowns copied per step were a quarter of a reprice's
 * time; a string is passed as it is (docs/benchmarks.md, "Repricing batches").
 */
export type RepriceBatch = { priced: RepricedPiece[]; breakdowns: string; failures: RepriceFailure[]; last_id: string | null; count: number }

export type ComputeRepriceBatchInput = {
  after: string | null
  limit: number
  /** Reprice only these attributes records (e.g. pieces just added). */
  only_ids?: string[] | null
  /** GST state used for the stored breakdown of catalogue prices. */
  state_code: string
}

type PieceRow = StoredPiece & {
  id: string
  metal: "gold" | "silver" | "platinum"
  purity: number
  variant_id: string | null
  price_set_id: string | null
  price_id: string | null
  previous_amount: string | null
}

/**
 * Reads the next batch of rate-based pieces (by id, after the cursor) with
 * their variant, price set and base INR price in one query, and prices each
 * with today's shop-wide rates. Reads only: nothing to undo.
 */
export const computeRepriceBatchStep = createStep(
  "compute-reprice-batch",
  async ({ after, limit, state_code, only_ids }: ComputeRepriceBatchInput, { container }) => {
    const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const jewelry: JewelryModuleService = container.resolve(JEWELRY_MODULE)
    const filters: string[] = []
    const values: string[] = []
    if (after) {
      filters.push("and ja.id > ?")
      values.push(after)
    }
    if (only_ids) {
      filters.push("and ja.id in (select jsonb_array_elements_text(?::jsonb))")
      values.push(JSON.stringify(only_ids))
    }
    const { rows } = (await knex.raw(
      `select ja.id, ja.metal, ja.purity, ja.net_weight_mg, ja.stones, ja.making_type, ja.making_value,
              ja.wastage_bp, ja.other_charges_paise, ja.hsn,
              pv.id as variant_id, ps.price_set_id, base.id as price_id, base.amount::text as previous_amount
         from jewelry_attributes ja
         left join ${VARIANT_ATTRIBUTES_LINK_TABLE} va on va.jewelry_attributes_id = ja.id and va.deleted_at is null
         left join product_variant pv on pv.id = va.product_variant_id and pv.deleted_at is null
         left join ${VARIANT_PRICE_SET_LINK_TABLE} ps on ps.variant_id = pv.id and ps.deleted_at is null
         left join lateral (
               select p.id, p.amount from price p
                where p.price_set_id = ps.price_set_id and p.currency_code = 'inr' and p.deleted_at is null
                  and p.price_list_id is null and coalesce(p.rules_count, 0) = 0
                order by p.created_at, p.id limit 1) base on true
        where ja.pricing_mode = 'rate_based' and ja.deleted_at is null ${filters.join(" ")}
        order by ja.id
        limit ?`,
      [...values, limit]
    )) as { rows: PieceRow[] }
    const rates = await jewelry.listCurrentMetalRates({ branch_ids: [null] })
    const priced: RepricedPiece[] = []
    const breakdowns: { id: string; breakdown: StoredBreakdown }[] = []
    const failures: RepriceFailure[] = []
    for (const row of rows) {
      if (!row.variant_id || !row.price_set_id) {
        failures.push({ attributes_id: row.id, variant_id: row.variant_id, reason: "not linked to a variant with a price set" })
        continue
      }
      const rate = resolveMetalRate(rates, { metal: row.metal, purity: row.purity })
      if (!rate) {
        failures.push({ attributes_id: row.id, variant_id: row.variant_id, reason: `no rate published for ${row.metal} ${row.purity}` })
        continue
      }
      try {
        const breakdown = priceStoredPiece(row, rate.rate_per_g_paise, state_code, state_code)
        priced.push({
          attributes_id: row.id,
          variant_id: row.variant_id,
          price_set_id: row.price_set_id,
          price_id: row.price_id,
          previous_amount: row.previous_amount,
          taxable_value: breakdown.taxable_value,
        })
        breakdowns.push({ id: row.id, breakdown: { ...breakdown, metal: row.metal, purity: row.purity, rate_source: rate.source } })
      } catch (e) {
        failures.push({ attributes_id: row.id, variant_id: row.variant_id, reason: (e as Error).message })
      }
    }
    const batch: RepriceBatch = { priced, breakdowns: JSON.stringify(breakdowns), failures, last_id: rows.length ? rows[rows.length - 1].id : null, count: rows.length }
    return new StepResponse(batch)
  }
)
