import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { SegmentRule } from "../../../../lib/segments"
import { OFFERS_MODULE } from "../../../../modules/offers"
import type OffersModuleService from "../../../../modules/offers/service"
import { createOfferSegmentWorkflow } from "../../../../workflows/offers"
import type { CreateSegmentBodyType, ListSegmentsQueryType } from "../validators"

/** GET /admin/offers/segments?q= — saved segments, newest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { q, limit, offset } = req.validatedQuery as ListSegmentsQueryType
  const [segments, count] = await req.scope
    .resolve<OffersModuleService>(OFFERS_MODULE)
    .listAndCountSegments(q ? { name: { $ilike: `%${q}%` } } : {}, { order: { created_at: "DESC" }, take: limit, skip: offset })
  res.json({ segments, count, limit, offset })
}

/** POST /admin/offers/segments { name, description?, rules } — save a segment (a name in use answers 409). */
export async function POST(req: AuthenticatedMedusaRequest<CreateSegmentBodyType>, res: MedusaResponse) {
  const { name, description, rules } = req.validatedBody
  const { result } = await createOfferSegmentWorkflow(req.scope).run({
    input: { name, description: description ?? null, rules: rules as SegmentRule, created_by: req.auth_context?.actor_id ?? null },
  })
  res.status(201).json({ segment: result })
}
