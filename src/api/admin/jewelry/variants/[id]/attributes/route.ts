import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { JEWELRY_MODULE } from "../../../../../../modules/jewelry"
import type JewelryModuleService from "../../../../../../modules/jewelry/service"
import { createJewelryAttributesWorkflow } from "../../../../../../workflows/create-jewelry-attributes"
import { createRepriceJob, runRepriceJob } from "../../../../../../workflows/reprice-jewelry/run-reprice-job"
import { toAttributesInput, type PostJewelryAttributesBodyType } from "../../../../../utils/jewelry"

/**
 * POST /admin/jewelry/variants/:id/attributes: make a variant a piece of
 * jewellery. A rate-based piece is priced at once from today's rates.
 */
export async function POST(req: MedusaRequest<PostJewelryAttributesBodyType>, res: MedusaResponse) {
  const { result } = await createJewelryAttributesWorkflow(req.scope).run({
    input: { items: [toAttributesInput(req.params.id, req.validatedBody)] },
  })
  const [created] = result
  if (created.pricing_mode === "rate_based") {
    const job = await createRepriceJob(req.scope, "manual", [created.id])
    await runRepriceJob(req.scope, job.id)
  }
  const jewelry: JewelryModuleService = req.scope.resolve(JEWELRY_MODULE)
  res.status(201).json({ jewelry_attributes: await jewelry.retrieveJewelryAttributes(created.id) })
}
