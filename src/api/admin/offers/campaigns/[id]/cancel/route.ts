import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cancelOfferCampaignWorkflow } from "../../../../../../workflows/offers"
import { presentCampaign } from "../../../../../../modules/offers/present"

/** POST /admin/offers/campaigns/:id/cancel — withdraw the campaign: unredeemed offers cancelled, their codes stop working. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await cancelOfferCampaignWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ campaign: presentCampaign(result.campaign), cancelled_offers: result.cancelled_offers })
}
