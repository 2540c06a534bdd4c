import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateCustomerPreferencesStep } from "../steps/update-customer-preferences"

/**
 * A customer's tastes brought up to date after a purchase (docs/preferences.md): their shares of category, metal,
 * purity and price band, which segments, new-arrivals call lists and a piece's likely buyers read, and their top
 * designs, which the 360 and the storefront show, at once rather than at the next night's training.
 */
export const refreshCustomerPreferencesWorkflow = createWorkflow("refresh-customer-preferences", (input: { customer_id: string }) => {
  return new WorkflowResponse(updateCustomerPreferencesStep(input))
})
