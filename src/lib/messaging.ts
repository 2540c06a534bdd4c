/**
 * Messaging rules as pure functions (docs/architecture.md, "Messaging"): which
 * events exist and what their templates may say, rendering, consent, quiet
 * hours (IST), retry back-off, how a provider's error is classified, and what
 * an inbound reply asks for.
 */
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"

export type Channel = "sms" | "whatsapp" | "email"
export const CHANNELS: Channel[] = ["sms", "whatsapp", "email"]
/** The channels that write to a phone number; email writes to an address. */
export const isPhoneChannel = (channel: Channel) => channel !== "email"
export const LANGUAGES = ["en", "hi"] as const
export type Language = (typeof LANGUAGES)[number]

/**
 * Transactional messages follow from something the customer did (an order, a
 * payment); promotional ones are the shop reaching out and need consent, fall
 * outside quiet hours and count against the daily cap.
 */
export type MessageKind = "transactional" | "promotional"

export const MESSAGE_EVENTS = {
  order_placed: { kind: "transactional", variables: ["customer_name", "order_number", "total", "shop_name", "invoice_link"] },
  order_ready_for_pickup: { kind: "transactional", variables: ["customer_name", "order_number", "branch_name", "shop_name"] },
  order_shipped: { kind: "transactional", variables: ["customer_name", "order_number", "tracking_number", "shop_name"] },
  payment_received: { kind: "transactional", variables: ["customer_name", "amount", "order_number", "shop_name"] },
  points_earned: { kind: "transactional", variables: ["customer_name", "points", "balance", "shop_name"] },
  points_expiring: { kind: "promotional", variables: ["customer_name", "points", "expiry_date", "shop_name"] },
  birthday_greeting: { kind: "promotional", variables: ["customer_name", "shop_name"] },
  anniversary_greeting: { kind: "promotional", variables: ["customer_name", "shop_name"] },
  offer_issued: { kind: "promotional", variables: ["customer_name", "offer", "code", "valid_until", "shop_name"] },
  follow_up_reminder: { kind: "transactional", variables: ["staff_name", "customer_name", "due", "title"] },
  daily_summary: {
    kind: "transactional",
    variables: ["staff_name", "scope", "day", "sales", "with_gst", "bills", "pieces", "gold_weight", "top_pieces", "cash", "collected", "failed_payments", "overdue"],
  },
  metal_rate_alert: { kind: "promotional", variables: ["customer_name", "metal", "rate", "shop_name"] },
  payment_link: { kind: "transactional", variables: ["customer_name", "amount", "order_number", "link", "shop_name"] },
  scheme_instalment_received: { kind: "transactional", variables: ["customer_name", "amount", "scheme", "card_number", "paid_count", "instalments", "paid_total", "matures_on", "shop_name"] },
  scheme_instalment_due: { kind: "transactional", variables: ["customer_name", "amount", "scheme", "card_number", "due_date", "shop_name"] },
  scheme_instalment_missed: { kind: "transactional", variables: ["customer_name", "amount", "scheme", "card_number", "due_date", "shop_name"] },
  scheme_payment_link: { kind: "transactional", variables: ["customer_name", "amount", "scheme", "card_number", "sequence", "instalments", "link", "shop_name"] },
  job_card_update: { kind: "transactional", variables: ["customer_name", "job_number", "article", "status", "branch_name", "due_date", "shop_name"] },
  sign_in_code: { kind: "transactional", variables: ["code", "minutes", "shop_name"] },
} as const satisfies Record<string, { kind: MessageKind; variables: readonly string[] }>

export type MessageEvent = keyof typeof MESSAGE_EVENTS

export const isMessageEvent = (value: string): value is MessageEvent => Object.prototype.hasOwnProperty.call(MESSAGE_EVENTS, value)

/** The shop's defaults, used until staff save their own template for an event, channel and language. */
export const DEFAULT_TEMPLATES: Record<MessageEvent, Record<Language, string>> = {
  order_placed: {
    en: "Dear {{customer_name}}, thank you for your order {{order_number}} of {{total}} at {{shop_name}}.",
    hi: "प्रिय {{customer_name}}, {{shop_name}} पर आपके ऑर्डर {{order_number}} ({{total}}) के लिए धन्यवाद।",
  },
  order_ready_for_pickup: {
    en: "Dear {{customer_name}}, your order {{order_number}} is ready for pickup at {{branch_name}}. – {{shop_name}}",
    hi: "प्रिय {{customer_name}}, आपका ऑर्डर {{order_number}} {{branch_name}} पर लेने के लिए तैयार है। – {{shop_name}}",
  },
  order_shipped: {
    en: "Dear {{customer_name}}, your order {{order_number}} has been shipped (tracking {{tracking_number}}). – {{shop_name}}",
    hi: "प्रिय {{customer_name}}, आपका ऑर्डर {{order_number}} भेज दिया गया है (ट्रैकिंग {{tracking_number}})। – {{shop_name}}",
  },
  payment_received: {
    en: "Dear {{customer_name}}, we received {{amount}} for order {{order_number}}. Thank you! – {{shop_name}}",
    hi: "प्रिय {{customer_name}}, ऑर्डर {{order_number}} के लिए {{amount}} प्राप्त हुए। धन्यवाद! – {{shop_name}}",
  },
  points_earned: {
    en: "Dear {{customer_name}}, you earned {{points}} points. Your balance is {{balance}} points. – {{shop_name}}",
    hi: "प्रिय {{customer_name}}, आपने {{points}} पॉइंट कमाए। आपका बैलेंस {{balance}} पॉइंट है। – {{shop_name}}",
  },
  points_expiring: {
    en: "Dear {{customer_name}}, {{points}} of your points expire on {{expiry_date}}. Visit {{shop_name}} to use them.",
    hi: "प्रिय {{customer_name}}, आपके {{points}} पॉइंट {{expiry_date}} को समाप्त हो रहे हैं। उपयोग करने के लिए {{shop_name}} पधारें।",
  },
  birthday_greeting: {
    en: "Happy birthday, {{customer_name}}! Warm wishes from all of us at {{shop_name}}.",
    hi: "जन्मदिन की हार्दिक शुभकामनाएँ, {{customer_name}}! – {{shop_name}}",
  },
  anniversary_greeting: {
    en: "Happy anniversary, {{customer_name}}! Warm wishes from {{shop_name}}.",
    hi: "विवाह वर्षगांठ की हार्दिक शुभकामनाएँ, {{customer_name}}! – {{shop_name}}",
  },
  offer_issued: {
    en: "Dear {{customer_name}}, {{offer}} for you with code {{code}}, valid till {{valid_until}}. – {{shop_name}}",
    hi: "प्रिय {{customer_name}}, आपके लिए {{offer}}, कोड {{code}}, {{valid_until}} तक मान्य। – {{shop_name}}",
  },
  follow_up_reminder: {
    en: "Reminder for {{staff_name}}: {{title}} with {{customer_name}}, due {{due}}.",
    hi: "{{staff_name}} के लिए याद दिलाना: {{customer_name}} के साथ {{title}}, {{due}} तक।",
  },
  daily_summary: {
    en: "{{scope}}, {{day}}: sales {{sales}} before GST ({{with_gst}} with GST), {{bills}} bills, {{pieces}} pieces, gold {{gold_weight}} net. Top: {{top_pieces}}. Cash in {{cash}}; all tenders {{collected}}; failed payments {{failed_payments}}. Overdue follow-ups: {{overdue}}.",
    hi: "{{scope}}, {{day}}: बिक्री {{sales}} GST से पहले ({{with_gst}} GST सहित), {{bills}} बिल, {{pieces}} नग, सोना {{gold_weight}} नेट। सबसे ज़्यादा: {{top_pieces}}। नकद {{cash}}; सभी भुगतान {{collected}}; असफल भुगतान {{failed_payments}}। बकाया फ़ॉलो-अप: {{overdue}}।",
  },
  metal_rate_alert: {
    en: "Dear {{customer_name}}, today's {{metal}} rate at {{shop_name}} is {{rate}}.",
    hi: "प्रिय {{customer_name}}, {{shop_name}} पर आज का {{metal}} भाव {{rate}} है।",
  },
  payment_link: {
    en: "Dear {{customer_name}}, please pay {{amount}} for order {{order_number}} at {{shop_name}} here: {{link}}",
    hi: "प्रिय {{customer_name}}, {{shop_name}} के ऑर्डर {{order_number}} के {{amount}} का भुगतान यहाँ करें: {{link}}",
  },
  scheme_instalment_received: {
    en: "Dear {{customer_name}}, we received {{amount}} for your {{scheme}} card {{card_number}}: {{paid_count}} of {{instalments}} paid, {{paid_total}} in all. It matures on {{matures_on}}. – {{shop_name}}",
    hi: "प्रिय {{customer_name}}, आपके {{scheme}} कार्ड {{card_number}} के लिए {{amount}} प्राप्त हुए: {{instalments}} में से {{paid_count}} किश्तें, कुल {{paid_total}}। परिपक्वता {{matures_on}} को। – {{shop_name}}",
  },
  scheme_instalment_due: {
    en: "Dear {{customer_name}}, your {{scheme}} instalment of {{amount}} (card {{card_number}}) is due on {{due_date}}. – {{shop_name}}",
    hi: "प्रिय {{customer_name}}, आपकी {{scheme}} की {{amount}} की किश्त (कार्ड {{card_number}}) {{due_date}} को देय है। – {{shop_name}}",
  },
  scheme_instalment_missed: {
    en: "Dear {{customer_name}}, your {{scheme}} instalment of {{amount}} (card {{card_number}}) due on {{due_date}} is not paid yet; pay it to keep your bonus. – {{shop_name}}",
    hi: "प्रिय {{customer_name}}, आपकी {{scheme}} की {{amount}} की किश्त (कार्ड {{card_number}}), जो {{due_date}} को देय थी, अभी बाकी है; बोनस बनाए रखने के लिए भुगतान करें। – {{shop_name}}",
  },
  scheme_payment_link: {
    en: "Dear {{customer_name}}, pay instalment {{sequence}} of {{instalments}} ({{amount}}) of your {{scheme}} card {{card_number}} online here: {{link}} – {{shop_name}}",
    hi: "प्रिय {{customer_name}}, अपने {{scheme}} कार्ड {{card_number}} की {{instalments}} में से {{sequence}}वीं किश्त ({{amount}}) का ऑनलाइन भुगतान यहाँ करें: {{link}} – {{shop_name}}",
  },
  job_card_update: {
    en: "Dear {{customer_name}}, your {{article}} (job {{job_number}}) is {{status}} at {{branch_name}}; due {{due_date}}. – {{shop_name}}",
    hi: "प्रिय {{customer_name}}, आपका {{article}} (जॉब {{job_number}}) {{branch_name}} पर: {{status}}; देय तिथि {{due_date}}। – {{shop_name}}",
  },
  sign_in_code: {
    en: "{{code}} is your {{shop_name}} sign-in code. It is valid for {{minutes}} minutes. Do not share it with anyone, our staff included.",
    hi: "{{code}} आपका {{shop_name}} साइन-इन कोड है। यह {{minutes}} मिनट तक मान्य है। इसे किसी को न बताएँ, हमारे कर्मचारियों को भी नहीं।",
  },
}

/**
 * Variables that are secrets (a sign-in code): shown to the recipient only.
 * Staff never see them in the message log, and a message holding one is
 * never sent again; once it has gone, or failed for good, its stored copy
 * has them masked (src/jobs/drain-messages.ts).
 */
export const SECRET_VARIABLES: Partial<Record<MessageEvent, readonly string[]>> = {
  sign_in_code: ["code"],
}

export const hasSecrets = (event: string) => isMessageEvent(event) && !!SECRET_VARIABLES[event]?.length

const MASK = "••••••"

/** The message with its secret variables masked, in the body and the variables; other messages unchanged. */
export function maskSecrets<T extends { event: string; body: string; variables?: Record<string, unknown> | null }>(message: T): T {
  const names = isMessageEvent(message.event) ? (SECRET_VARIABLES[message.event] ?? []) : []
  if (!names.length) {
    return message
  }
  let body = message.body
  const variables = { ...(message.variables ?? {}) }
  for (const name of names) {
    const value = variables[name]
    if (typeof value === "string" && value) {
      body = body.split(value).join(MASK)
      variables[name] = MASK
    }
  }
  return { ...message, body, variables }
}

/**
 * An email's subject, from the event's variables. Events without their own
 * subject take the shop's name; the wording of the body is the template's.
 */
const EMAIL_SUBJECTS: Partial<Record<MessageEvent, Record<Language, string>>> = {
  daily_summary: { en: "Daily summary: {{scope}}, {{day}}", hi: "दैनिक सारांश: {{scope}}, {{day}}" },
  follow_up_reminder: { en: "Follow-up due: {{title}} with {{customer_name}}", hi: "फ़ॉलो-अप: {{customer_name}} के साथ {{title}}" },
  order_placed: { en: "Your order {{order_number}} at {{shop_name}}", hi: "{{shop_name}} पर आपका ऑर्डर {{order_number}}" },
  payment_link: { en: "Payment for order {{order_number}} at {{shop_name}}", hi: "{{shop_name}} के ऑर्डर {{order_number}} का भुगतान" },
}

export function emailSubject(event: MessageEvent, language: Language, variables: Record<string, string>): string {
  const template = EMAIL_SUBJECTS[event]?.[language] ?? "{{shop_name}}"
  try {
    return renderTemplate(template, variables)
  } catch {
    return variables.shop_name ?? event.replace(/_/g, " ")
  }
}

const EMAIL = z.string().email()

/** Whether a text is an email address a message can be sent to. */
export const isEmailAddress = (text: string) => EMAIL.safeParse(text).success

const VARIABLE = /\{\{\s*([a-zA-Z0-9_]+)\s*\}\}/g

/** The variables a template body uses, in order of first use. */
export function templateVariables(body: string): string[] {
  return [...new Set([...body.matchAll(VARIABLE)].map((m) => m[1]))]
}

/** What is wrong with a template for an event, in words staff understand; empty when it can be saved. */
export function templateProblems(event: string, body: string): string[] {
  if (!isMessageEvent(event)) {
    return [`unknown event "${event}"; known events: ${Object.keys(MESSAGE_EVENTS).join(", ")}`]
  }
  const problems: string[] = []
  if (!body.trim()) {
    problems.push("the template is empty")
  }
  const allowed: readonly string[] = MESSAGE_EVENTS[event].variables
  for (const name of templateVariables(body)) {
    if (!allowed.includes(name)) {
      problems.push(`unknown variable {{${name}}} for ${event}; use ${allowed.map((v) => `{{${v}}}`).join(", ")}`)
    }
  }
  const used = templateVariables(body)
  for (const name of SECRET_VARIABLES[event] ?? []) {
    if (!used.includes(name)) {
      problems.push(`a ${event} message must hold {{${name}}}`)
    }
  }
  const stray = body.replace(VARIABLE, "")
  if (stray.includes("{{") || stray.includes("}}")) {
    problems.push("unbalanced {{ }} in the template")
  }
  if (body.length > 1600) {
    problems.push("a message may hold at most 1600 characters")
  }
  return problems
}

/** Fills a template; a variable it uses that has no value is an error, never an empty gap in a customer's message. */
export function renderTemplate(body: string, variables: Record<string, string | number | null | undefined>): string {
  const missing = templateVariables(body).filter((name) => variables[name] === undefined || variables[name] === null || variables[name] === "")
  if (missing.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Missing template variable${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}`)
  }
  return body.replace(VARIABLE, (_, name: string) => String(variables[name]))
}

export type ConsentRecord = { status?: "granted" | "revoked" } | null | undefined
export type TransactionalPolicy = "unless_revoked" | "consent_required"

/** Whether a message of this kind may go to a customer with this consent on the channel, and why not. */
export function consentProblem(kind: MessageKind, consent: ConsentRecord, policy: TransactionalPolicy): string | null {
  if (consent?.status === "revoked") {
    return "the customer revoked consent for this channel"
  }
  if (consent?.status === "granted") {
    return null
  }
  if (kind === "transactional" && policy === "unless_revoked") {
    return null
  }
  return "no consent for this channel"
}

export type QuietHours = { start_minute: number; end_minute: number }

/** "21:00-09:00" → minutes of the day; throws on anything else. */
export function parseQuietHours(text: string): QuietHours {
  const match = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(text.trim())
  const minutes = match ? [Number(match[1]) * 60 + Number(match[2]), Number(match[3]) * 60 + Number(match[4])] : []
  if (!match || minutes.some((m) => m >= 24 * 60) || Number(match[2]) >= 60 || Number(match[4]) >= 60) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Quiet hours must look like 21:00-09:00, got "${text}"`)
  }
  return { start_minute: minutes[0], end_minute: minutes[1] }
}

const IST_OFFSET_MINUTES = 330

/**
 * When a promotional message may go out: now, or the end of the quiet hours
 * (in IST) if now falls inside them. A window may wrap midnight (21:00-09:00).
 */
export function sendableAt(now: Date, quiet: QuietHours, offsetMinutes = IST_OFFSET_MINUTES): Date {
  const local = new Date(now.getTime() + offsetMinutes * 60_000)
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes()
  const { start_minute: start, end_minute: end } = quiet
  const inside = start === end ? false : start < end ? minute >= start && minute < end : minute >= start || minute < end
  if (!inside) {
    return now
  }
  const wait = (end - minute + 24 * 60) % (24 * 60)
  const at = new Date(now.getTime() + wait * 60_000)
  at.setUTCSeconds(0, 0)
  return at
}

/** The start of the customer's day in IST, for the daily cap. */
export function istDayStart(now: Date, offsetMinutes = IST_OFFSET_MINUTES): Date {
  const local = new Date(now.getTime() + offsetMinutes * 60_000)
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - offsetMinutes * 60_000)
}

export const MAX_SEND_ATTEMPTS = 6

/** Wait before attempt `attempt + 1`: 30 s, 1 min, 2 min … capped at an hour. */
export function retryDelayMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(attempt - 1, 0), 3_600_000)
}

/**
 * Whether sending again can help: rate limits, server errors and timeouts
 * can pass; a bad number or a refused sender will not. `status` is the HTTP
 * status of Twilio's or Gupshup's answer, or for `smtp` the mail server's
 * reply code, where 4xx means "try later" and 5xx "never" (RFC 5321).
 * Without one (the server was not reached) it is worth another try.
 */
export function isTransientFailure(status: number | undefined, provider = "http"): boolean {
  if (status === undefined) {
    return true
  }
  if (provider === "smtp") {
    return status >= 400 && status < 500
  }
  return status === 429 || status === 408 || status >= 500
}

/** What an inbound reply asks for: to stop messages, to start them again, or nothing we act on. */
export function inboundIntent(text: string): "stop" | "start" | null {
  const words = text.trim().toLowerCase().replace(/[.!]+$/, "")
  if (["stop", "stopall", "unsubscribe", "cancel", "end", "quit", "band karo", "bandh karo", "बंद करो", "बंद"].includes(words)) {
    return "stop"
  }
  if (["start", "unstop", "subscribe", "yes", "shuru karo", "शुरू करो"].includes(words)) {
    return "start"
  }
  return null
}

/** Message statuses in the order they are reached; a callback never moves a message backwards. */
export const DELIVERY_ORDER = ["queued", "sending", "sent", "delivered", "read"] as const

/** The status a provider callback moves a message to, or null to leave it as it is. */
export function nextDeliveryStatus(current: string, reported: string): string | null {
  const mapped = ({ accepted: "sent", queued: "sent", sending: "sent", sent: "sent", delivered: "delivered", read: "read", failed: "failed", undelivered: "undelivered" } as Record<string, string>)[reported]
  if (!mapped) {
    return null
  }
  if (mapped === "failed" || mapped === "undelivered") {
    return current === "delivered" || current === "read" ? null : mapped
  }
  const from = DELIVERY_ORDER.indexOf(current as (typeof DELIVERY_ORDER)[number])
  const to = DELIVERY_ORDER.indexOf(mapped as (typeof DELIVERY_ORDER)[number])
  return from === -1 && current !== "failed" && current !== "undelivered" ? null : to > from ? mapped : null
}
