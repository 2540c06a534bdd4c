import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import {
  consentProblem,
  DEFAULT_TEMPLATES,
  emailSubject,
  isEmailAddress,
  isPhoneChannel,
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
import { messagingSettings } from "../../../lib/messaging-settings"
import { tryNormalizePhone } from "../../../lib/phone"
import { messageRecipients } from "../../../modules/crm/queries/customer-with-profile"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type MessagingModuleService from "../../../modules/messaging/service"

export type QueueMessageInput = {
  event: string
  /** The customer it is for; their phone, consents and language are used. */
  customer_id?: string | null
  /** A number to write to instead (staff reminders), E.164 or Indian 10-digit; for email, an address. */
  to?: string | null
  user_id?: string | null
  /** Which channel; by default WhatsApp where the customer agreed to it, else SMS. */
  channel?: Channel
  language?: Language
  /** Wording for this message instead of the shop's template (a campaign's own message), with the event's variables. */
  template?: string | null
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
  /** An email's subject; null on the phone channels. */
  subject: string | null
  body: string
  content_sid: string | null
  variables: Record<string, string>
  status: "queued" | "not_sent"
  reason: string | null
  next_attempt_at: Date | null
  idempotency_key: string
}

type CustomerRow = { id: string; first_name: string | null; phone: string | null; email: string | null; customer_profile?: { phone: string | null; consents: Record<string, ConsentRecord> | null } | null }

/**
 * Decides everything about messages before they are stored: recipient and
 * channel, consent (by the shop's policy), wording (the shop's template or
 * the default), quiet hours and the daily cap for promotional messages. A
 * message that must not go is still stored, as not_sent with the reason.
 * Many messages are decided with one read of their customers, templates and
 * caps, so a campaign's batch costs a few queries, not a few per message.
 */
export async function prepareMessages(container: MedusaContainer, inputs: QueueMessageInput[], now: Date = new Date()): Promise<PreparedMessage[]> {
  for (const input of inputs) {
    if (!isMessageEvent(input.event)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown message event "${input.event}"`)
    }
  }
  const settings = messagingSettings()
  const customerIds = [...new Set(inputs.map((i) => i.customer_id).filter((id): id is string => !!id))]
  const customers = new Map<string, CustomerRow>()
  if (customerIds.length) {
    for (const row of (await messageRecipients(container, customerIds)) as CustomerRow[]) {
      customers.set(row.id, row)
    }
    const missing = customerIds.find((id) => !customers.has(id))
    if (missing) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id "${missing}" was not found`)
    }
  }
  const messaging: MessagingModuleService = container.resolve(MESSAGING_MODULE)
  const events = [...new Set(inputs.map((i) => i.event))]
  const saved = await messaging.listMessageTemplates({ event: events })
  const templateOf = (event: string, channel: Channel, language: Language) =>
    saved.find((t) => t.event === event && t.channel === channel && t.language === language)
  const promotionalIds = [
    ...new Set(inputs.filter((i) => i.customer_id && MESSAGE_EVENTS[i.event as keyof typeof MESSAGE_EVENTS].kind === "promotional").map((i) => i.customer_id!)),
  ]
  const sentToday = promotionalIds.length ? await messaging.countPromotionalSinceByCustomer(promotionalIds, istDayStart(now)) : new Map<string, number>()
  const shopName = settings.shop_name ?? (await container.resolve(Modules.STORE).listStores({}, { select: ["name"], take: 1 }))[0]?.name

  return inputs.map((input) => {
    const event = MESSAGE_EVENTS[input.event as keyof typeof MESSAGE_EVENTS]
    const language: Language = input.language && LANGUAGES.includes(input.language) ? input.language : "en"
    const customer = input.customer_id ? customers.get(input.customer_id) : undefined
    const consents = customer?.customer_profile?.consents ?? {}
    const channel: Channel = input.channel ?? (consents.whatsapp?.status === "granted" ? "whatsapp" : "sms")
    const { to, missing } = recipientOf(channel, input.to ?? null, customer)
    const stored = templateOf(input.event, channel, language)
    const template = input.template ?? stored?.body ?? DEFAULT_TEMPLATES[input.event as keyof typeof DEFAULT_TEMPLATES][language]
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
      reason = missing
    }
    if (!reason && customer) {
      reason = consentProblem(event.kind, consents[channel], settings.transactional_policy)
    }
    let nextAttemptAt: Date | null = now
    if (!reason && event.kind === "promotional") {
      if (customer && (sentToday.get(customer.id) ?? 0) >= settings.daily_cap) {
        reason = `the daily cap of ${settings.daily_cap} promotional messages is reached`
      }
      nextAttemptAt = sendableAt(now, settings.quiet_hours)
    }
    return {
      customer_id: customer?.id ?? null,
      user_id: input.user_id ?? null,
      to,
      channel,
      event: input.event,
      kind: event.kind,
      language,
      subject: channel === "email" ? emailSubject(input.event as keyof typeof MESSAGE_EVENTS, language, variables) : null,
      body,
      content_sid: channel === "whatsapp" && !input.template ? (stored?.content_sid ?? null) : null,
      variables,
      status: reason ? "not_sent" : "queued",
      reason,
      next_attempt_at: reason ? null : nextAttemptAt,
      idempotency_key: input.idempotency_key,
    }
  })
}

/**
 * Where a message goes: a phone number in E.164 for SMS and WhatsApp, an
 * address for email — the one given, else the customer's — and, when there
 * is none, why.
 */
function recipientOf(channel: Channel, given: string | null, customer: CustomerRow | undefined): { to: string | null; missing: string } {
  if (!isPhoneChannel(channel)) {
    const address = (given ?? customer?.email ?? "").trim().toLowerCase()
    return address && isEmailAddress(address)
      ? { to: address, missing: "" }
      : { to: null, missing: address ? `not a valid email address: ${address}` : "no email address" }
  }
  const raw = given ?? customer?.customer_profile?.phone ?? customer?.phone ?? null
  const to = raw ? (tryNormalizePhone(raw) ?? null) : null
  return { to, missing: raw ? `not a valid phone number: ${raw}` : "no phone number" }
}
