import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { paiseToAmount } from "../../../lib/money"
import type { RepricedPiece } from "./compute-reprice-batch"

type PreviousPrice = { price_set_id: string; amount: number | null }

/**
 * Writes each piece's taxable value as its INR price (GST is added by the
 * India tax region). Compensation puts the previous amounts back.
 */
export const writeCatalogPricesStep = createStep(
  "write-catalog-prices",
  async (pieces: RepricedPiece[], { container }) => {
    if (!pieces.length) {
      return new StepResponse([], [] as PreviousPrice[])
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "price_set",
      fields: ["id", "prices.amount", "prices.currency_code"],
      filters: { id: pieces.map((p) => p.price_set_id) },
    })
    const previous: PreviousPrice[] = (data as { id: string; prices?: { amount: number; currency_code: string }[] }[]).map(
      (set) => ({
        price_set_id: set.id,
        amount: set.prices?.find((p) => p.currency_code === "inr")?.amount ?? null,
      })
    )
    const pricing = container.resolve(Modules.PRICING)
    await pricing.upsertPriceSets(
      pieces.map((piece) => ({
        id: piece.price_set_id,
        prices: [{ currency_code: "inr", amount: paiseToAmount(piece.breakdown.taxable_value) }],
      }))
    )
    return new StepResponse(pieces.map((p) => p.variant_id), previous)
  },
  async (previous, { container }) => {
    const restorable = (previous ?? []).filter((p) => p.amount !== null)
    if (!restorable.length) {
      return
    }
    const pricing = container.resolve(Modules.PRICING)
    await pricing.upsertPriceSets(
      restorable.map((p) => ({ id: p.price_set_id, prices: [{ currency_code: "inr", amount: p.amount! }] }))
    )
  }
)
