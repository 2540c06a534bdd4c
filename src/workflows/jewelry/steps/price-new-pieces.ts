import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { priceStoredPiece, resolveMetalRate, type PriceBreakdown } from "../../../lib/pricing"
import { JEWELRY_MODULE } from "../../../modules/jewelry"
import type JewelryModuleService from "../../../modules/jewelry/service"
import type { JewelryAttributesInput } from "../utils/attributes-input"
import { catalogueStateCode } from "../utils/catalogue-state"

export type NewPiece = Omit<JewelryAttributesInput, "variant_id"> & {
  /** Price in paise for pieces with pricing_mode "fixed" (taxable value). */
  fixed_price_paise?: number
}

export type PricedPiece = { price_paise: number; breakdown: (PriceBreakdown & { metal: string; purity: number; rate_source: string }) | null }

/**
 * Prices each new piece before its product exists, so the product is created
 * with its real price: rate-based pieces from today's rates, fixed ones as given.
 */
export const priceNewPiecesStep = createStep("price-new-pieces", async (pieces: NewPiece[], { container }) => {
  const jewelry: JewelryModuleService = container.resolve(JEWELRY_MODULE)
  const rates = await jewelry.listCurrentMetalRates({ branch_ids: [null] })
  const state = await catalogueStateCode(container)
  const problems: string[] = []
  const priced: PricedPiece[] = pieces.map((piece) => {
    if (piece.pricing_mode === "fixed") {
      if (piece.fixed_price_paise === undefined) {
        problems.push(`${piece.tag_code}: a fixed-price piece needs a price`)
      }
      return { price_paise: piece.fixed_price_paise ?? 0, breakdown: null }
    }
    const rate = resolveMetalRate(rates, { metal: piece.metal, purity: piece.purity })
    if (!rate) {
      problems.push(`${piece.tag_code}: no rate is published for ${piece.metal} ${piece.purity}`)
      return { price_paise: 0, breakdown: null }
    }
    const breakdown = priceStoredPiece(
      {
        net_weight_mg: piece.net_weight_mg,
        wastage_bp: piece.wastage_bp ?? 0,
        making_type: piece.making_type,
        making_value: piece.making_value,
        stones: piece.stones ?? [],
        other_charges_paise: piece.other_charges_paise ?? 0,
        hsn: piece.hsn ?? "7113",
      },
      rate.rate_per_g_paise,
      state,
      state
    )
    return {
      price_paise: breakdown.taxable_value,
      breakdown: { ...breakdown, metal: piece.metal, purity: piece.purity, rate_source: rate.source },
    }
  })
  if (problems.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.join("; "))
  }
  return new StepResponse(priced)
})
