import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { WebhookEventInput } from "../../../modules/pos/service"
import { recordWebhookEventStep } from "../steps/record-webhook-event"

/** Keeps a provider's webhook delivery once per event id; says whether it is a repeat. */
export const recordPaymentWebhookWorkflow = createWorkflow("record-payment-webhook", (input: WebhookEventInput) => {
  return new WorkflowResponse(recordWebhookEventStep(input))
})
