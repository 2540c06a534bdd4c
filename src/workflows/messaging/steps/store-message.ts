import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type MessagingModuleService from "../../../modules/messaging/service"
import type { PreparedMessage } from "./prepare-message"

/**
 * Stores the message in the outbox, once per idempotency key: queueing the
 * same key again returns the message stored the first time. Compensation
 * removes a message this run stored.
 */
export const storeMessageStep = createStep(
  "store-message",
  async (message: PreparedMessage, { container }) => {
    const messaging: MessagingModuleService = container.resolve(MESSAGING_MODULE)
    const [earlier] = await messaging.listMessages({ idempotency_key: message.idempotency_key })
    if (earlier) {
      return new StepResponse({ message: earlier, replayed: true }, null)
    }
    try {
      const created = await messaging.createMessages(message)
      return new StepResponse({ message: created, replayed: false }, created.id)
    } catch (err) {
      // Queued at the same moment by another worker: theirs stands.
      const [raced] = await messaging.listMessages({ idempotency_key: message.idempotency_key })
      if (raced) {
        return new StepResponse({ message: raced, replayed: true }, null)
      }
      throw err
    }
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<MessagingModuleService>(MESSAGING_MODULE).deleteMessages(id)
    }
  }
)
