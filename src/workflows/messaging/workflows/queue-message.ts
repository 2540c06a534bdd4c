import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { prepareMessageStep, type QueueMessageInput } from "../steps/prepare-message"
import { storeMessageStep } from "../steps/store-message"

export type { QueueMessageInput }

/**
 * Puts an SMS or WhatsApp message in the outbox (or records why it will not
 * be sent); the drain-messages job sends it through Medusa's notification
 * module. Queueing the same idempotency key twice stores one message.
 */
export const queueMessageWorkflow = createWorkflow("queue-message", (input: QueueMessageInput) => {
  const prepared = prepareMessageStep(input)
  return new WorkflowResponse(storeMessageStep(prepared))
})
