import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { noteWebhookOutcomeStep, type WebhookOutcome } from "../steps/note-webhook-outcome"

export type { WebhookOutcome }

/** Notes what came of a webhook delivery. */
export const notePaymentWebhookWorkflow = createWorkflow("note-payment-webhook", (input: WebhookOutcome) => {
  return new WorkflowResponse(noteWebhookOutcomeStep(input))
})
