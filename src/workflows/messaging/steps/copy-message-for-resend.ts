import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { hasSecrets } from "../../../lib/messaging"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type MessagingModuleService from "../../../modules/messaging/service"

const RESENDABLE = ["failed", "undelivered", "not_sent"]

/**
 * Queues a failed message again as a new message (its own idempotency key,
 * `<key>:resend:<n>`), so the failed attempt stays in the log as it was.
 */
export const copyMessageForResendStep = createStep(
  "copy-message-for-resend",
  async ({ id }: { id: string }, { container }) => {
    const messaging: MessagingModuleService = container.resolve(MESSAGING_MODULE)
    const [original] = await messaging.listMessages({ id })
    if (!original) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Message with id "${id}" was not found`)
    }
    if (!RESENDABLE.includes(original.status)) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Only failed, undelivered or unsent messages can be sent again; this one is ${original.status}`)
    }
    if (hasSecrets(original.event)) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "A sign-in code is never sent again: the customer asks for a new one")
    }
    if (!original.to) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This message has no phone number to send to")
    }
    const [, count] = await messaging.listAndCountMessages({ idempotency_key: { $like: `${original.idempotency_key}:resend:%` } }, { select: ["id"] })
    const copy = await messaging.createMessages({
      customer_id: original.customer_id,
      user_id: original.user_id,
      to: original.to,
      channel: original.channel,
      event: original.event,
      kind: original.kind,
      language: original.language,
      body: original.body,
      content_sid: original.content_sid,
      variables: original.variables,
      status: "queued",
      next_attempt_at: new Date(),
      idempotency_key: `${original.idempotency_key}:resend:${count + 1}`,
    })
    return new StepResponse(copy, copy.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<MessagingModuleService>(MESSAGING_MODULE).deleteMessages(id)
    }
  }
)
