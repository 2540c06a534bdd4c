import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createDiscountApprovalStep } from "../steps/create-discount-approval"
import { prepareDiscountApprovalStep, type RequestDiscountApprovalInput } from "../steps/prepare-discount-approval"

/** A seller asks a manager to approve discounts on a bill beyond the seller's limits. */
export const requestDiscountApprovalWorkflow = createWorkflow("request-discount-approval", (input: RequestDiscountApprovalInput) => {
  const request = prepareDiscountApprovalStep(input)
  return new WorkflowResponse(createDiscountApprovalStep(request))
})
