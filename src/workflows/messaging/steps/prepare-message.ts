import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { prepareMessages, type PreparedMessage, type QueueMessageInput } from "../utils/prepare-messages"

export type { PreparedMessage, QueueMessageInput }

/** Decides recipient, channel, consent, wording, quiet hours and cap of one message (see prepareMessages). */
export const prepareMessageStep = createStep("prepare-message", async (input: QueueMessageInput, { container }) => {
  const [prepared] = await prepareMessages(container, [input])
  return new StepResponse<PreparedMessage>(prepared)
})
