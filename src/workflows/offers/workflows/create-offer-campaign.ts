import type { CreateCampaignDTO } from "@medusajs/framework/types"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCampaignsStep } from "@medusajs/medusa/core-flows"
import { paiseToAmount } from "../../../lib/money"
import { createOfferCampaignStep } from "../steps/create-offer-campaign"
import { validateOfferCampaignStep, type OfferCampaignInput } from "../steps/validate-offer-campaign"

export type { OfferCampaignInput }

/**
 * Saves a campaign: its terms are checked, then a Medusa campaign is made to
 * carry its dates and spend budget (the promotions of its offers will live
 * under it), then the campaign itself. Undone as a whole if a step fails.
 */
export const createOfferCampaignWorkflow = createWorkflow("create-offer-campaign", (input: OfferCampaignInput) => {
  const campaign = validateOfferCampaignStep(input)
  const medusaCampaigns = createCampaignsStep(
    transform({ campaign }, ({ campaign }): CreateCampaignDTO[] => [
      {
        name: campaign.name,
        description: "Personal offer codes of an offer campaign (Offer campaigns page)",
        campaign_identifier: campaign.campaign_identifier,
        starts_at: campaign.starts_at,
        ends_at: campaign.ends_at ?? undefined,
        ...(campaign.budget != null ? { budget: { type: "spend", limit: paiseToAmount(campaign.budget), currency_code: "inr" } } : {}),
      },
    ])
  )
  const created = createOfferCampaignStep(
    transform({ campaign, medusaCampaigns }, ({ campaign, medusaCampaigns }) => ({ campaign, promotion_campaign_id: medusaCampaigns[0].id }))
  )
  return new WorkflowResponse(created)
})
