import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { paiseToAmount, paiseToDecimal } from "../../../lib/money"
import type { RepricedPiece } from "./compute-reprice-batch"

type Written = { price_id: string; amount: string }
type Undo = { restore: Written[]; added: string[] }

/** One UPDATE for the whole batch; amount and its BigNumber twin raw_amount stay equal. */
async function setPriceAmounts(knex: Knex, prices: Written[]) {
  if (!prices.length) {
    return
  }
  await knex.raw(
    `update price p
        set amount = v.amount::numeric,
            raw_amount = jsonb_build_object('value', v.amount, 'precision', 20),
            updated_at = now()
       from jsonb_to_recordset(?::jsonb) as v(price_id text, amount text)
      where p.id = v.price_id`,
    [JSON.stringify(prices)]
  )
}

/**
 * Writes each piece's taxable value as the base INR price of its variant
 * (GST is added by the India tax region); other prices of the set, such as
 * region-, group- or price-list prices, are left alone. A set without an
 * INR price gets one through the pricing module. Compensation puts the
 * previous amounts back and removes the prices it added.
 */
export const writeCatalogPricesStep = createStep(
  "write-catalog-prices",
  async (pieces: RepricedPiece[], { container }) => {
    const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const updates = pieces.filter((p) => p.price_id)
    await setPriceAmounts(
      knex,
      updates.map((p) => ({ price_id: p.price_id!, amount: paiseToDecimal(p.taxable_value) }))
    )
    const missing = pieces.filter((p) => !p.price_id)
    let added: string[] = []
    if (missing.length) {
      const sets = await container.resolve(Modules.PRICING).addPrices(
        missing.map((p) => ({
          priceSetId: p.price_set_id,
          prices: [{ currency_code: "inr", amount: paiseToAmount(p.taxable_value) }],
        }))
      )
      const missingSets = new Set(missing.map((p) => p.price_set_id))
      added = sets
        .filter((set) => missingSets.has(set.id))
        .flatMap((set) => (set.prices ?? []).filter((price) => price.currency_code === "inr" && !price.rules_count).map((price) => price.id))
    }
    const undo: Undo = {
      restore: updates.map((p) => ({ price_id: p.price_id!, amount: p.previous_amount! })),
      added,
    }
    return new StepResponse(pieces.map((p) => p.variant_id), undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    await setPriceAmounts(container.resolve(ContainerRegistrationKeys.PG_CONNECTION), undo.restore)
    if (undo.added.length) {
      await container.resolve(Modules.PRICING).softDeletePrices(undo.added)
    }
  }
)
