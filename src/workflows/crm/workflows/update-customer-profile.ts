import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { validateCustomerProfileStep } from "../steps/validate-customer-profile"
import { updateProfileStep, type UpdateProfileInput } from "../steps/update-profile"

/** Changes a customer's CRM profile after the same checks as creating one. */
export const updateCustomerProfileWorkflow = createWorkflow("update-customer-profile", (input: UpdateProfileInput) => {
  const checks = transform({ input }, ({ input }) => ({ ...input.update, except_customer_id: input.customer_id }))
  validateCustomerProfileStep(checks)
  return new WorkflowResponse(updateProfileStep(input))
})
