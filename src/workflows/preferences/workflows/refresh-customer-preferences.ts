import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { refreshCustomerSharesStep } from "../steps/refresh-customer-shares"

/**
 * A customer's tastes brought up to date after a purchase (docs/preferences.md): their shares of category, metal,
 * purity and price band, which segments, new-arrivals call lists and a piece's likely buyers read, at once rather
 * than at the next night's training. Their top designs stay the night's model's.
 */
export const refreshCustomerPreferencesWorkflow = createWorkflow("refresh-customer-preferences", (input: { customer_id: string }) => {
  return new WorkflowResponse(refreshCustomerSharesStep(input))
})
