import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OFFERS_MODULE } from "../../../modules/offers"
import type OffersModuleService from "../../../modules/offers/service"
import type { ValidatedCampaign } from "./validate-offer-campaign"

/** Saves the campaign with its Medusa campaign; compensation deletes it. */
export const createOfferCampaignStep = createStep(
  "create-offer-campaign",
  async ({ campaign, promotion_campaign_id }: { campaign: ValidatedCampaign; promotion_campaign_id: string }, { container }) => {
    const { campaign_identifier: _identifier, ...fields } = campaign
    const created = await container.resolve<OffersModuleService>(OFFERS_MODULE).createCampaigns({
      ...fields,
      rules: (fields.rules ?? null) as unknown as Record<string, unknown>,
      status: fields.kind === "manual" ? (fields.run_at ? "scheduled" : "draft") : "running",
      promotion_campaign_id,
    })
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<OffersModuleService>(OFFERS_MODULE).deleteCampaigns(id)
    }
  }
)
