import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { OFFERS_MODULE } from "../../../../../../modules/offers"
import type OffersModuleService from "../../../../../../modules/offers/service"
import type { ListOffersQueryType } from "../../../validators"
import { listOffersWithCustomers } from "../../../../../../workflows/offers"

/** GET /admin/offers/campaigns/:id/offers?status=&customer_id= — the campaign's offers with their customer, newest first; an unknown campaign 404. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const q = req.validatedQuery as ListOffersQueryType
  const [campaign] = await req.scope.resolve<OffersModuleService>(OFFERS_MODULE).listCampaigns({ id: req.params.id }, { select: ["id"] })
  if (!campaign) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Campaign with id "${req.params.id}" was not found`)
  }
  res.json(await listOffersWithCustomers(req.scope, { campaign_id: req.params.id, status: q.status, customer_id: q.customer_id }, q))
}
