import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { rupeesToPaise } from "../../../../../lib/money"
import { OFFERS_MODULE } from "../../../../../modules/offers"
import type OffersModuleService from "../../../../../modules/offers/service"
import { updateOfferCampaignWorkflow } from "../../../../../workflows/offers"
import { campaignReport } from "../../../../../modules/offers/queries/campaign-report"
import { offerTerms, presentCampaign } from "../../../../../modules/offers/present"
import type { UpdateCampaignBodyType } from "../../validators"

/** GET /admin/offers/campaigns/:id — the campaign, its runs (newest first) and its report. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const offers: OffersModuleService = req.scope.resolve(OFFERS_MODULE)
  const [campaign] = await offers.listCampaigns({ id: req.params.id })
  if (!campaign) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Campaign with id "${req.params.id}" was not found`)
  }
  const runs = await offers.listCampaignRuns({ campaign_id: campaign.id }, { order: { created_at: "DESC" }, take: 30 })
  res.json({ campaign: presentCampaign(campaign), runs, report: await campaignReport(req.scope, campaign.id) })
}

/** POST /admin/offers/campaigns/:id — change a campaign that has not run, or an automatic campaign (its switch, terms and settings). */
export async function POST(req: AuthenticatedMedusaRequest<UpdateCampaignBodyType>, res: MedusaResponse) {
  const { offer, min_order, budget, ...rest } = req.validatedBody
  const paise = (rupees: number | null | undefined) => (rupees === undefined ? undefined : rupees === null ? null : rupeesToPaise(rupees))
  const terms = offer ? offerTerms(offer, {}) : null
  const { result } = await updateOfferCampaignWorkflow(req.scope).run({
    input: {
      id: req.params.id,
      ...rest,
      ...(terms ? { offer_type: terms.offer_type, offer_value: terms.offer_value, max_discount: terms.max_discount } : {}),
      ...(min_order !== undefined ? { min_order: paise(min_order) } : {}),
      ...(budget !== undefined ? { budget: paise(budget) } : {}),
    },
  })
  res.json({ campaign: presentCampaign(result) })
}
