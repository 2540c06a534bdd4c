import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { priceStoredPiece, resolveMetalRate, type PriceBreakdown, type StoredPiece } from "../../../lib/pricing"
import { JEWELRY_MODULE } from "../../../modules/jewelry"
import type JewelryModuleService from "../../../modules/jewelry/service"

export type RepricedPiece = {
  attributes_id: string
  variant_id: string
  price_set_id: string
  breakdown: PriceBreakdown & { metal: string; purity: number; rate_source: string }
}

export type RepriceFailure = { attributes_id: string; variant_id: string | null; reason: string }

export type ComputeRepriceBatchInput = {
  after: string | null
  limit: number
  /** Reprice only these attributes records (e.g. pieces just added). */
  only_ids?: string[] | null
  /** GST state used for the stored breakdown of catalogue prices. */
  state_code: string
}

type AttributesRow = StoredPiece & {
  id: string
  metal: "gold" | "silver" | "platinum"
  purity: number
  product_variant?: { id: string; price_set?: { id: string } | null } | null
}

/**
 * Reads the next batch of rate-based pieces (by id, after the cursor) and
 * prices each with today's shop-wide rates. Reads only: nothing to undo.
 */
export const computeRepriceBatchStep = createStep(
  "compute-reprice-batch",
  async ({ after, limit, state_code, only_ids }: ComputeRepriceBatchInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const jewelry: JewelryModuleService = container.resolve(JEWELRY_MODULE)
    const { data } = await query.graph({
      entity: "jewelry_attributes",
      fields: [
        "id",
        "metal",
        "purity",
        "net_weight_mg",
        "stones",
        "making_type",
        "making_value",
        "wastage_bp",
        "other_charges_paise",
        "hsn",
        "product_variant.id",
        "product_variant.price_set.id",
      ],
      filters: {
        pricing_mode: "rate_based",
        ...(after || only_ids ? { id: { ...(after ? { $gt: after } : {}), ...(only_ids ? { $in: only_ids } : {}) } } : {}),
      },
      pagination: { take: limit, order: { id: "ASC" } },
    })
    const rows = data as unknown as AttributesRow[]
    const rates = await jewelry.listCurrentMetalRates({ branch_ids: [null] })
    const priced: RepricedPiece[] = []
    const failures: RepriceFailure[] = []
    for (const row of rows) {
      const variant = row.product_variant
      if (!variant?.price_set?.id) {
        failures.push({ attributes_id: row.id, variant_id: variant?.id ?? null, reason: "not linked to a variant with a price set" })
        continue
      }
      const rate = resolveMetalRate(rates, { metal: row.metal, purity: row.purity })
      if (!rate) {
        failures.push({ attributes_id: row.id, variant_id: variant.id, reason: `no rate published for ${row.metal} ${row.purity}` })
        continue
      }
      try {
        const breakdown = priceStoredPiece(row, rate.rate_per_g_paise, state_code, state_code)
        priced.push({
          attributes_id: row.id,
          variant_id: variant.id,
          price_set_id: variant.price_set.id,
          breakdown: { ...breakdown, metal: row.metal, purity: row.purity, rate_source: rate.source },
        })
      } catch (e) {
        failures.push({ attributes_id: row.id, variant_id: variant.id, reason: (e as Error).message })
      }
    }
    return new StepResponse({
      priced,
      failures,
      last_id: rows.length ? rows[rows.length - 1].id : null,
      count: rows.length,
    })
  }
)
