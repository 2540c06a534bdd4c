import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { hasSecrets, isTransientFailure, maskSecrets, MAX_SEND_ATTEMPTS, retryDelayMs } from "../lib/messaging"
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
 * leaves it "not sent: no provider". With `only`, just those messages.
 * Returns what happened to each.
 */
export async function drainMessages(
  container: MedusaContainer,
  { batch = 50, maxBatches = Infinity, only = null }: { batch?: number; maxBatches?: number; only?: string[] | null } = {}
) {
  const messaging: MessagingModuleService = container.resolve(MESSAGING_MODULE)
  const totals: Record<Outcome, number> & { interrupted: number } = { sent: 0, retry: 0, failed: 0, not_sent: 0, interrupted: 0 }
  totals.interrupted = await messaging.failInterruptedMessages()
  for (let round = 0; round < maxBatches; round++) {
    const claimed = await messaging.claimDueMessages(batch, LEASE_MS, only)
    if (!claimed.length) {
      break
    }
    for (const outcome of await sendBatch(container, messaging, claimed)) {
      totals[outcome] += 1
    }
  }
  return totals
}

/**
 * One call to the notification module for the whole batch (it sends them in
 * parallel and records each notification's outcome), then one update of
 * our messages. Medusa reports the failed ones in one aggregated error,
 * one "Failed to send notification with id <id>:" paragraph each.
 */
async function sendBatch(container: MedusaContainer, messaging: MessagingModuleService, claimed: ClaimedMessage[]): Promise<Outcome[]> {
  const notifications = container.resolve(Modules.NOTIFICATION)
  // One notification per attempt: Medusa's module does not re-send a failed key cleanly.
  const keyOf = (m: ClaimedMessage) => `message:${m.id}:${m.attempts}`
  let failure: string | null = null
  try {
    await notifications.createNotifications(
      claimed.map((m) => ({
        to: m.to ?? "",
        channel: m.channel,
        template: m.event,
        data: { subject: m.subject, body: m.body, content_sid: m.content_sid, content_variables: m.variables, message_id: m.id },
        idempotency_key: keyOf(m),
      }))
    )
  } catch (err) {
    failure = (err as Error).message ?? String(err)
  }
  // The module's filter type leaves out idempotency_key, a column it filters by itself.
  const records = (await notifications.listNotifications({ idempotency_key: claimed.map(keyOf) } as Record<string, unknown>, {
    select: ["id", "idempotency_key", "status", "external_id", "provider_id"],
  })) as unknown as { id: string; idempotency_key: string; status: string; external_id: string | null; provider_id: string | null }[]
  const byKey = new Map(records.map((r) => [r.idempotency_key, r]))
  const errorOf = new Map<string, string>()
  for (const match of (failure ?? "").matchAll(/Failed to send notification with id (\S+):\n(.*)/g)) {
    errorOf.set(match[1], match[2])
  }
  for (const match of (failure ?? "").matchAll(/(Could not find a notification provider[^\n]*|Notification provider [^\n]* is not enabled[^\n]*) (?:for notification id )?(noti_\w+)?/g)) {
    if (match[2]) {
      errorOf.set(match[2], match[1])
    }
  }
  const updates: ({ id: string } & Record<string, unknown>)[] = []
  const outcomes: Outcome[] = []
  for (const message of claimed) {
    const record = byKey.get(keyOf(message))
    if (record?.status === "success") {
      updates.push({ id: message.id, status: "sent", provider: record.provider_id ?? null, provider_message_id: record.external_id ?? null, sent_at: new Date(), reason: null, error_code: null, next_attempt_at: null })
      outcomes.push("sent")
      continue
    }
    const text = (record && errorOf.get(record.id)) ?? failure ?? "the notification module gave no answer"
    if (/Could not find a notification provider|is not enabled/.test(text)) {
      updates.push({ id: message.id, status: "not_sent", reason: "not sent: no provider for this channel", next_attempt_at: null })
      outcomes.push("not_sent")
      continue
    }
    // The providers' errors read "<provider> <status> <code>: <message>" (src/modules/notification-*/service.ts).
    const rest = /(twilio|gupshup|smtp) (\d{3}) (\S+): (.*)$/.exec(text)
    const status = rest ? Number(rest[2]) : undefined
    const reason = (rest ? rest[4] : text).slice(0, 500)
    const errorCode = rest ? rest[3] : null
    if (isTransientFailure(status, rest?.[1]) && message.attempts < MAX_SEND_ATTEMPTS) {
      updates.push({ id: message.id, status: "queued", reason, error_code: errorCode, next_attempt_at: new Date(Date.now() + retryDelayMs(message.attempts)) })
      outcomes.push("retry")
      continue
    }
    updates.push({ id: message.id, status: "failed", reason, error_code: errorCode, next_attempt_at: null })
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`messaging: message ${message.id} failed: ${reason}`)
    outcomes.push("failed")
  }
  // A secret (a sign-in code) is kept only while the message may still be tried.
  claimed.forEach((message, i) => {
    if (outcomes[i] !== "retry" && hasSecrets(message.event)) {
      const masked = maskSecrets({ event: message.event, body: message.body, variables: message.variables })
      Object.assign(updates[i], { body: masked.body, variables: masked.variables })
    }
  })
  await messaging.updateMessages(updates as Parameters<MessagingModuleService["updateMessages"]>[0])
  return outcomes
}

/** Every minute. */
export default async function drainMessagesJob(container: MedusaContainer) {
  await drainMessages(container, { maxBatches: 100 })
}

export const config = {
  name: "drain-messages",
  schedule: "* * * * *",
}
