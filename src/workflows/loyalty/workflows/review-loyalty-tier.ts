import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateLoyaltyTierStep } from "../steps/update-loyalty-tier"
import { emitTierChange } from "../utils/tier-change"

/** Re-places a customer in the tier their last 12 months' spend reaches (the daily review moves customers down). */
export const reviewLoyaltyTierWorkflow = createWorkflow("review-loyalty-tier", (input: { customer_id: string }) => {
  const placement = updateLoyaltyTierStep(input)
  emitTierChange(placement)
  return new WorkflowResponse(transform({ placement }, ({ placement }) => placement?.tier ?? null))
})
