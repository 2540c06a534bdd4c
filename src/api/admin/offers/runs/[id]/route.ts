import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { OFFERS_MODULE } from "../../../../../modules/offers"
import type OffersModuleService from "../../../../../modules/offers/service"

/** GET /admin/offers/runs/:id — a run's progress: status, total, processed, issued, messaged, skipped, error. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const [run] = await req.scope.resolve<OffersModuleService>(OFFERS_MODULE).listCampaignRuns({ id: req.params.id })
  if (!run) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Campaign run with id "${req.params.id}" was not found`)
  }
  res.json({ run })
}
