import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { OFFERS_MODULE } from "../../../../../modules/offers"
import type OffersModuleService from "../../../../../modules/offers/service"

async function findSegment(req: AuthenticatedMedusaRequest) {
  const [segment] = await req.scope.resolve<OffersModuleService>(OFFERS_MODULE).listSegments({ id: req.params.id })
  if (!segment) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Segment with id "${req.params.id}" was not found`)
  }
  return segment
}

/** GET /admin/offers/segments/:id */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ segment: await findSegment(req) })
}

/** DELETE /admin/offers/segments/:id — campaigns made from it keep their copy of the rules. */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const segment = await findSegment(req)
  await req.scope.resolve<OffersModuleService>(OFFERS_MODULE).softDeleteSegments(segment.id)
  res.json({ id: segment.id, object: "offer_segment", deleted: true })
}
