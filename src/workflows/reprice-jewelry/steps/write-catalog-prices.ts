import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { paiseToAmount } from "../../../lib/money"
import type { RepricedPiece } from "./compute-reprice-batch"

type ExistingPrice = { id: string; amount: number; currency_code: string; rules_count?: number | null }
type PreviousPrice = { price_set_id: string; price_id: string | null; amount: number | null }

/** The set's base INR price: the one without rules (region- or group-specific prices are left alone). */
const baseInrPrice = (prices: ExistingPrice[] = []) =>
  prices.find((p) => p.currency_code === "inr" && !p.rules_count)

/**
 * Writes each piece's taxable value as its INR price (GST is added by the
 * India tax region), updating the base INR price in place and keeping every
 * other price of the set. Compensation puts the previous amounts back.
 */
export const writeCatalogPricesStep = createStep(
  "write-catalog-prices",
  async (pieces: RepricedPiece[], { container }) => {
    if (!pieces.length) {
      return new StepResponse([] as string[], [] as PreviousPrice[])
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "price_set",
      fields: ["id", "prices.id", "prices.amount", "prices.currency_code", "prices.rules_count"],
      filters: { id: pieces.map((p) => p.price_set_id) },
    })
    const sets = new Map((data as { id: string; prices?: ExistingPrice[] }[]).map((set) => [set.id, set.prices ?? []]))
    const previous: PreviousPrice[] = pieces.map((piece) => {
      const base = baseInrPrice(sets.get(piece.price_set_id))
      return { price_set_id: piece.price_set_id, price_id: base?.id ?? null, amount: base?.amount ?? null }
    })
    await container.resolve(Modules.PRICING).upsertPriceSets(
      pieces.map((piece) => {
        const existing = sets.get(piece.price_set_id) ?? []
        const base = baseInrPrice(existing)
        const amount = paiseToAmount(piece.breakdown.taxable_value)
        return {
          id: piece.price_set_id,
          prices: [
            // Listing a price by id keeps it; a set's unlisted prices would be deleted.
            ...existing.filter((p) => p !== base).map((p) => ({ id: p.id, currency_code: p.currency_code, amount: p.amount })),
            base ? { id: base.id, currency_code: "inr", amount } : { currency_code: "inr", amount },
          ],
        }
      })
    )
    return new StepResponse(pieces.map((p) => p.variant_id), previous)
  },
  async (previous, { container }) => {
    const restorable = (previous ?? []).filter((p) => p.price_id && p.amount !== null)
    if (!restorable.length) {
      return
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "price_set",
      fields: ["id", "prices.id", "prices.amount", "prices.currency_code"],
      filters: { id: restorable.map((p) => p.price_set_id) },
    })
    const sets = new Map((data as { id: string; prices?: ExistingPrice[] }[]).map((set) => [set.id, set.prices ?? []]))
    await container.resolve(Modules.PRICING).upsertPriceSets(
      restorable.map((p) => ({
        id: p.price_set_id,
        prices: (sets.get(p.price_set_id) ?? []).map((price) => ({
          id: price.id,
          currency_code: price.currency_code,
          amount: price.id === p.price_id ? p.amount! : price.amount,
        })),
      }))
    )
  }
)
