import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, useCache } from "@medusajs/framework/utils"
import { CATALOGUE_PRICE_TAGS } from "../../../../../../lib/catalogue-cache"
import { breakdownFor, presentBreakdown } from "../../../../../../lib/pricing/present"
import type { PriceBreakdownQueryType } from "../../../validators"
import { catalogueStateCode } from "../../../../../../workflows/jewelry"

/**
 * GET /store/jewelry/variants/:id/price-breakdown: how the piece's price is
 * made up (metal, wastage, making, stones, GST), as last priced. With
 * ?state_code= the GST split is shown for that place of supply. Answers are
 * cached under the catalogue's price tags, which repricing clears
 * (docs/architecture.md#caching); refusals are not cached.
 */
export async function GET(req: MedusaRequest<unknown, PriceBreakdownQueryType>, res: MedusaResponse) {
  const { state_code } = req.validatedQuery as PriceBreakdownQueryType
  const body = await useCache(() => priceBreakdown(req, req.params.id, state_code), {
    container: req.scope,
    enable: true,
    key: `jewel:price-breakdown:${req.params.id}:${state_code ?? ""}`,
    tags: CATALOGUE_PRICE_TAGS,
  })
  res.json(body)
}

async function priceBreakdown(req: MedusaRequest, id: string, state_code: string | undefined) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_variant",
    fields: ["id", "product.status", "jewelry_attributes.*"],
    filters: { id },
  })
  const variant = data[0] as
    | { id: string; product?: { status: string }; jewelry_attributes?: Record<string, unknown> | null }
    | undefined
  const attributes = variant?.jewelry_attributes
  if (!variant || variant.product?.status !== "published" || !attributes) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No priced piece of jewellery with variant id "${id}"`)
  }
  if (!attributes.breakdown) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Variant "${id}" has not been priced yet`)
  }
  const stored = attributes.breakdown as Parameters<typeof breakdownFor>[0]
  // The stored breakdown already is the catalogue's; only another place of supply needs a recompute.
  const breakdown = state_code
    ? breakdownFor(stored, attributes as unknown as Parameters<typeof breakdownFor>[1], await catalogueStateCode(req.scope), state_code)
    : stored
  return {
    variant_id: variant.id,
    tag_code: attributes.tag_code,
    huid: attributes.huid,
    gross_weight_g: Number(attributes.gross_weight_mg) / 1000,
    stone_weight_g: Number(attributes.stone_weight_mg) / 1000,
    pricing_mode: attributes.pricing_mode,
    breakdown: presentBreakdown(breakdown, attributes.priced_at as Date | null),
  }
}
