import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { copyMessageForResendStep } from "../steps/copy-message-for-resend"

/** Sends a failed message again, as a new message in the outbox. */
export const resendMessageWorkflow = createWorkflow("resend-message", (input: { id: string }) => {
  return new WorkflowResponse(copyMessageForResendStep(input))
})
