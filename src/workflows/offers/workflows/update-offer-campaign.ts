import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateOfferCampaignStep, type OfferCampaignUpdate } from "../steps/update-offer-campaign"

export type { OfferCampaignUpdate }

/** Changes a campaign that has not run, or an automatic campaign's terms, settings and switch. */
export const updateOfferCampaignWorkflow = createWorkflow("update-offer-campaign", (input: OfferCampaignUpdate) => {
  return new WorkflowResponse(updateOfferCampaignStep(input))
})
