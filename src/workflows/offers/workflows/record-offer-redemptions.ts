import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordOfferRedemptionsStep } from "../steps/record-offer-redemptions"

/** Marks the offers whose codes an order used as redeemed, with the discount they gave and the order's total (once per order). */
export const recordOfferRedemptionsWorkflow = createWorkflow("record-offer-redemptions", (input: { order_id: string }) => {
  return new WorkflowResponse(recordOfferRedemptionsStep(input))
})
