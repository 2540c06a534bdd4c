import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { OFFERS_MODULE } from "../../../../../../modules/offers"
import type OffersModuleService from "../../../../../../modules/offers/service"
import { campaignReport } from "../../../../../../modules/offers/queries/campaign-report"

/** GET /admin/offers/campaigns/:id/report — issued, sent, delivered, redeemed, revenue of redeemed orders, discounts, redemption rate. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const [campaign] = await req.scope.resolve<OffersModuleService>(OFFERS_MODULE).listCampaigns({ id: req.params.id }, { select: ["id"] })
  if (!campaign) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Campaign with id "${req.params.id}" was not found`)
  }
  res.json({ report: await campaignReport(req.scope, campaign.id) })
}
