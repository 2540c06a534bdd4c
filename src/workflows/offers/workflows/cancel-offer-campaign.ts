import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { cancelOfferCampaignStep } from "../steps/cancel-offer-campaign"

/** Withdraws a campaign: unredeemed offers cancelled, their promotions switched off. */
export const cancelOfferCampaignWorkflow = createWorkflow("cancel-offer-campaign", (input: { id: string }) => {
  return new WorkflowResponse(cancelOfferCampaignStep(input))
})
