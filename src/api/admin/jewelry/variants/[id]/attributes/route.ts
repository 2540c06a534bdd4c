import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { JEWELRY_MODULE } from "../../../../../../modules/jewelry"
import type JewelryModuleService from "../../../../../../modules/jewelry/service"
import { diffFields } from "../../../../../../lib/audit"
import { createJewelryAttributesWorkflow } from "../../../../../../workflows/jewelry"
import { createRepriceJob, runRepriceJob } from "../../../../../../workflows/jewelry"
import { recordAudit } from "../../../../../utils/audit"
import { presentBreakdown } from "../../../../../../lib/pricing/present"
import { toPieceInput } from "../../../helpers"
import type { PostJewelryAttributesBodyType } from "../../../validators"

/** What sets a piece's price: recorded when a variant becomes a piece of jewellery. */
const PRICE_FIELDS = [
  "metal",
  "purity",
  "net_weight_mg",
  "making_type",
  "making_value",
  "wastage_bp",
  "other_charges_paise",
  "stones",
  "pricing_mode",
  "price.taxable_value",
  "price.total",
]

/**
 * POST /admin/jewelry/variants/:id/attributes: make a variant a piece of
 * jewellery. A rate-based piece is priced at once from today's rates.
 */
export async function POST(req: MedusaRequest<PostJewelryAttributesBodyType>, res: MedusaResponse) {
  const { result } = await createJewelryAttributesWorkflow(req.scope).run({
    input: { items: [{ ...toPieceInput(req.validatedBody), variant_id: req.params.id }] },
  })
  const [created] = result
  if (created.pricing_mode === "rate_based") {
    const job = await createRepriceJob(req.scope, "manual", [created.id])
    await runRepriceJob(req.scope, job.id)
  }
  const jewelry: JewelryModuleService = req.scope.resolve(JEWELRY_MODULE)
  const attributes = await jewelry.retrieveJewelryAttributes(created.id)
  const breakdown = attributes.breakdown as { taxable_value?: number; total?: number } | null
  await recordAudit(req.scope, req, {
    action: "jewelry_price.set",
    entity: "product_variant",
    entity_id: req.params.id,
    changes: diffFields(null, { ...attributes, price: breakdown ? { taxable_value: breakdown.taxable_value, total: breakdown.total } : null }, PRICE_FIELDS),
    metadata: { jewelry_attributes_id: attributes.id, tag_code: attributes.tag_code },
  })
  res.status(201).json({ jewelry_attributes: attributes })
}

/** GET /admin/jewelry/variants/:id/attributes: the piece's attributes and current breakdown. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_variant",
    fields: ["id", "jewelry_attributes.*"],
    filters: { id: req.params.id },
  })
  const attributes = (data[0] as { jewelry_attributes?: Record<string, unknown> | null } | undefined)?.jewelry_attributes
  if (!attributes) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Variant "${req.params.id}" has no jewelry attributes`)
  }
  const { breakdown, ...rest } = attributes
  res.json({
    jewelry_attributes: rest,
    breakdown: breakdown ? presentBreakdown(breakdown as Parameters<typeof presentBreakdown>[0], rest.priced_at as Date | null) : null,
  })
}
