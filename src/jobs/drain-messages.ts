import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { isTransientFailure, MAX_SEND_ATTEMPTS, retryDelayMs } from "../lib/messaging"
import { MESSAGING_MODULE } from "../modules/messaging"
import type MessagingModuleService from "../modules/messaging/service"
import type { ClaimedMessage } from "../modules/messaging/service"

const LEASE_MS = 2 * 60_000

type Outcome = "sent" | "retry" | "failed" | "not_sent"

/**
 * Sends what is due in the outbox through Medusa's notification module, in
 * batches, until nothing due is left (or `maxBatches`). Rate limits, server
 * errors and timeouts are retried with exponential back-off; a permanent
 * error (a bad number) fails the message at once; a channel with no provider
 * leaves it "not sent: no provider". Returns what happened to each.
 */
export async function drainMessages(container: MedusaContainer, { batch = 50, maxBatches = Infinity } = {}) {
  const messaging: MessagingModuleService = container.resolve(MESSAGING_MODULE)
  const totals: Record<Outcome, number> & { interrupted: number } = { sent: 0, retry: 0, failed: 0, not_sent: 0, interrupted: 0 }
  totals.interrupted = await messaging.failInterruptedMessages()
  for (let round = 0; round < maxBatches; round++) {
    const claimed = await messaging.claimDueMessages(batch, LEASE_MS)
    if (!claimed.length) {
      break
    }
    const outcomes = await Promise.all(claimed.map((message) => sendOne(container, messaging, message)))
    for (const outcome of outcomes) {
      totals[outcome] += 1
    }
  }
  return totals
}

async function sendOne(container: MedusaContainer, messaging: MessagingModuleService, message: ClaimedMessage): Promise<Outcome> {
  const notifications = container.resolve(Modules.NOTIFICATION)
  try {
    const [sent] = await notifications.createNotifications([
      {
        to: message.to ?? "",
        channel: message.channel,
        template: message.event,
        data: { body: message.body, content_sid: message.content_sid, content_variables: message.variables, message_id: message.id },
        // One notification per attempt: Medusa's module does not re-send a failed key cleanly.
        idempotency_key: `message:${message.id}:${message.attempts}`,
      },
    ])
    await messaging.updateMessages({
      id: message.id,
      status: "sent",
      provider: sent?.provider_id ?? null,
      provider_message_id: sent?.external_id ?? null,
      sent_at: new Date(),
      reason: null,
      error_code: null,
      next_attempt_at: null,
    })
    return "sent"
  } catch (err) {
    const text = (err as Error).message ?? String(err)
    if (/Could not find a notification provider|is not enabled/.test(text)) {
      await messaging.updateMessages({ id: message.id, status: "not_sent", reason: "not sent: no provider for this channel", next_attempt_at: null })
      return "not_sent"
    }
    const rest = /(?:twilio|gupshup) (\d{3}) (\S+): ([\s\S]*)$/.exec(text)
    const status = rest ? Number(rest[1]) : undefined
    const reason = (rest ? rest[3] : text.replace(/^Failed to send notification with id \S+:\n/, "")).slice(0, 500)
    if (isTransientFailure(status) && message.attempts < MAX_SEND_ATTEMPTS) {
      await messaging.updateMessages({
        id: message.id,
        status: "queued",
        reason,
        error_code: rest ? rest[2] : null,
        next_attempt_at: new Date(Date.now() + retryDelayMs(message.attempts)),
      })
      return "retry"
    }
    await messaging.updateMessages({ id: message.id, status: "failed", reason, error_code: rest ? rest[2] : null, next_attempt_at: null })
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`messaging: message ${message.id} failed: ${reason}`)
    return "failed"
  }
}

/** Every minute. */
export default async function drainMessagesJob(container: MedusaContainer) {
  await drainMessages(container, { maxBatches: 100 })
}

export const config = {
  name: "drain-messages",
  schedule: "* * * * *",
}
