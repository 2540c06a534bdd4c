import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  consentProblem,
  DEFAULT_TEMPLATES,
  istDayStart,
  isMessageEvent,
  LANGUAGES,
  MESSAGE_EVENTS,
  renderTemplate,
  sendableAt,
  type Channel,
  type ConsentRecord,
  type Language,
} from "../../../lib/messaging"
import { tryNormalizePhone } from "../../../lib/phone"
import { messagingSettings } from "../../../lib/messaging-settings"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type MessagingModuleService from "../../../modules/messaging/service"

export type QueueMessageInput = {
  event: string
  /** The customer it is for; their phone, consents and language are used. */
  customer_id?: string | null
  /** A number to write to instead (staff reminders), E.164 or Indian 10-digit. */
  to?: string | null
  user_id?: string | null
  /** Which channel; by default WhatsApp where the customer agreed to it, else SMS. */
  channel?: Channel
  language?: Language
  variables: Record<string, string | number | null | undefined>
  idempotency_key: string
}

export type PreparedMessage = {
  customer_id: string | null
  user_id: string | null
  to: string | null
  channel: Channel
  event: string
  kind: "transactional" | "promotional"
  language: Language
  body: string
  content_sid: string | null
  variables: Record<string, string>
  status: "queued" | "not_sent"
  reason: string | null
  next_attempt_at: Date | null
  idempotency_key: string
}

type CustomerRow = { id: string; first_name: string | null; phone: string | null; customer_profile?: { phone: string | null; consents: Record<string, ConsentRecord> | null } | null }

/**
 * Decides everything about a message before it is stored: recipient and
 * channel, consent (by the shop's policy), wording (the shop's template or
 * the default), quiet hours and the daily cap for promotional messages. A
 * message that must not go is still stored, as not_sent with the reason.
 */
export const prepareMessageStep = createStep("prepare-message", async (input: QueueMessageInput, { container }) => {
  if (!isMessageEvent(input.event)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown message event "${input.event}"`)
  }
  const settings = messagingSettings()
  const event = MESSAGE_EVENTS[input.event]
  const language: Language = input.language && LANGUAGES.includes(input.language) ? input.language : "en"
  let customer: CustomerRow | undefined
  if (input.customer_id) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "customer",
      fields: ["id", "first_name", "phone", "customer_profile.phone", "customer_profile.consents"],
      filters: { id: input.customer_id },
    })
    customer = data[0] as unknown as CustomerRow | undefined
    if (!customer) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id "${input.customer_id}" was not found`)
    }
  }
  const consents = customer?.customer_profile?.consents ?? {}
  const channel: Channel = input.channel ?? (consents.whatsapp?.status === "granted" ? "whatsapp" : "sms")
  const rawPhone = input.to ?? customer?.customer_profile?.phone ?? customer?.phone ?? null
  const to = rawPhone ? (tryNormalizePhone(rawPhone) ?? null) : null

  const messaging: MessagingModuleService = container.resolve(MESSAGING_MODULE)
  const [saved] = await messaging.listMessageTemplates({ event: input.event, channel, language })
  const template = saved?.body ?? DEFAULT_TEMPLATES[input.event][language]
  const shopName = settings.shop_name ?? (await container.resolve(Modules.STORE).listStores({}, { select: ["name"], take: 1 }))[0]?.name
  const variables = Object.fromEntries(
    Object.entries({ shop_name: shopName, customer_name: customer?.first_name ?? undefined, ...input.variables })
      .filter(([, v]) => v !== undefined && v !== null && v !== "")
      .map(([k, v]) => [k, String(v)])
  )

  let body = template
  let reason: string | null = null
  try {
    body = renderTemplate(template, variables)
  } catch (err) {
    reason = (err as Error).message
  }
  if (!reason && !to) {
    reason = rawPhone ? `not a valid phone number: ${rawPhone}` : "no phone number"
  }
  if (!reason && customer) {
    reason = consentProblem(event.kind, consents[channel], settings.transactional_policy)
  }
  let nextAttemptAt: Date | null = new Date()
  if (!reason && event.kind === "promotional") {
    if (customer && (await messaging.countPromotionalSince(customer.id, istDayStart(new Date()))) >= settings.daily_cap) {
      reason = `the daily cap of ${settings.daily_cap} promotional messages is reached`
    }
    nextAttemptAt = sendableAt(new Date(), settings.quiet_hours)
  }
  return new StepResponse<PreparedMessage>({
    customer_id: customer?.id ?? null,
    user_id: input.user_id ?? null,
    to,
    channel,
    event: input.event,
    kind: event.kind,
    language,
    body,
    content_sid: channel === "whatsapp" ? (saved?.content_sid ?? null) : null,
    variables,
    status: reason ? "not_sent" : "queued",
    reason,
    next_attempt_at: reason ? null : nextAttemptAt,
    idempotency_key: input.idempotency_key,
  })
})
