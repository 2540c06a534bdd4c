import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordSchemeInstalmentStep, type PaySchemeInstalmentInput } from "../steps/record-scheme-instalment"

/** Takes a scheme's next instalment at the counter (cash, card or UPI), once per idempotency key. */
export const paySchemeInstalmentWorkflow = createWorkflow("pay-scheme-instalment", (input: PaySchemeInstalmentInput) => {
  return new WorkflowResponse(recordSchemeInstalmentStep(input))
})
