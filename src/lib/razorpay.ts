/**
 * Razorpay's rules as pure functions: the checkout and webhook signatures,
 * what a Razorpay payment's status means to Medusa, how a Razorpay error
 * reads and whether it is worth retrying, and what a webhook delivery is
 * about. The provider (src/modules/payment-razorpay) and the webhook guard
 * use these; nothing else speaks Razorpay.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto"

/** HMAC-SHA256 in hex, as Razorpay signs: the checkout with the key secret, webhooks with the webhook secret. */
export function razorpayHmac(message: string | Buffer, secret: string): string {
  return createHmac("sha256", secret).update(message).digest("hex")
}

function sameHex(expected: string, given: unknown): boolean {
  if (typeof given !== "string" || !/^[0-9a-f]+$/i.test(given) || given.length !== expected.length) {
    return false
  }
  return timingSafeEqual(Buffer.from(expected, "hex"), Buffer.from(given.toLowerCase(), "hex"))
}

/**
 * The checkout's proof of payment: razorpay_signature = HMAC-SHA256 of
 * "order_id|payment_id" with the key secret (compared in constant time).
 */
export function isValidCheckoutSignature(
  input: { razorpay_order_id: string; razorpay_payment_id: string; razorpay_signature: unknown },
  keySecret: string
): boolean {
  return sameHex(razorpayHmac(`${input.razorpay_order_id}|${input.razorpay_payment_id}`, keySecret), input.razorpay_signature)
}

/** X-Razorpay-Signature: HMAC-SHA256 of the raw request body with the webhook secret. */
export function isValidWebhookSignature(rawBody: string | Buffer, signature: unknown, webhookSecret: string): boolean {
  return sameHex(razorpayHmac(rawBody, webhookSecret), signature)
}

export type RazorpayPaymentStatus = "created" | "authorized" | "captured" | "refunded" | "failed"

/** What Medusa makes of a payment's status (a refunded payment was captured first). */
export function sessionStatusFor(status: string | undefined): "pending" | "authorized" | "captured" | "error" {
  switch (status) {
    case "authorized":
      return "authorized"
    case "captured":
    case "refunded":
      return "captured"
    case "failed":
      return "error"
    default:
      return "pending"
  }
}

/** The payment worth acting on among an order's attempts: captured, else authorized, else the latest. */
export function settledPayment<T extends { status: string; created_at: number }>(payments: T[]): T | undefined {
  const rank = (s: string) => (s === "captured" || s === "refunded" ? 3 : s === "authorized" ? 2 : s === "failed" ? 0 : 1)
  return [...payments].sort((a, b) => rank(b.status) - rank(a.status) || b.created_at - a.created_at)[0]
}

export type RazorpayErrorInfo = {
  /** HTTP status of Razorpay's answer; 0 when no answer came (network, timeout). */
  status: number
  code: string
  description: string
  /** Razorpay is down or slow (5xx, 429, timeouts): the same request may succeed later. */
  unavailable: boolean
}

/**
 * Reads what the official SDK throws: `{ statusCode, error: { code,
 * description, … } }` for Razorpay's answers (status 0 when the request got
 * no answer: the provider turns network failures and timeouts into that
 * shape); anything else is read from its message.
 */
export function razorpayErrorInfo(err: unknown): RazorpayErrorInfo {
  const e = err as { statusCode?: unknown; error?: { code?: unknown; description?: unknown }; message?: unknown; code?: unknown }
  if (typeof e?.statusCode === "number") {
    const status = e.statusCode
    return {
      status,
      code: typeof e.error?.code === "string" ? e.error.code : "UNKNOWN",
      description: typeof e.error?.description === "string" ? e.error.description : `HTTP ${status}`,
      unavailable: status === 0 || status >= 500 || status === 429,
    }
  }
  const message = typeof e?.message === "string" ? e.message : String(err)
  const timeout = e?.code === "ECONNABORTED" || /timeout/i.test(message)
  return { status: 0, code: timeout ? "TIMEOUT" : "NETWORK_ERROR", description: timeout ? "no answer in time" : message, unavailable: true }
}

/** A request that got no answer, in the shape the SDK gives Razorpay's own errors. */
export function noAnswerError(err: { code?: string; message?: string }) {
  const timeout = err.code === "ECONNABORTED" || err.code === "ETIMEDOUT" || /timeout/i.test(err.message ?? "")
  return {
    status: 0,
    data: { error: { code: timeout ? "TIMEOUT" : "NETWORK_ERROR", description: timeout ? "no answer in time" : (err.message ?? "network error") } },
  }
}

type Entity<T> = { entity: T } | undefined

export type WebhookPayment = {
  id: string
  order_id: string | null
  amount: number
  currency: string
  status: string
  captured?: boolean
  method?: string | null
  notes?: Record<string, unknown> | unknown[] | null
  error_code?: string | null
  error_description?: string | null
  created_at: number
}
export type WebhookRefund = { id: string; payment_id: string; amount: number; currency: string; status: string; notes?: Record<string, unknown> | unknown[] | null }
export type WebhookOrder = { id: string; amount: number; amount_paid?: number; receipt?: string | null; notes?: Record<string, unknown> | unknown[] | null; status: string }
export type WebhookPaymentLink = { id: string; amount: number; amount_paid?: number; reference_id?: string | null; notes?: Record<string, unknown> | unknown[] | null; status: string }

export type RazorpayWebhook = {
  event: string
  account_id?: string
  created_at?: number
  payment?: WebhookPayment
  refund?: WebhookRefund
  order?: WebhookOrder
  payment_link?: WebhookPaymentLink
}

/** A webhook body's event name and the entities it carries; null when it is not a Razorpay event. */
export function parseRazorpayWebhook(body: unknown): RazorpayWebhook | null {
  const b = body as {
    entity?: string
    event?: unknown
    account_id?: string
    created_at?: number
    payload?: {
      payment?: Entity<WebhookPayment>
      refund?: Entity<WebhookRefund>
      order?: Entity<WebhookOrder>
      payment_link?: Entity<WebhookPaymentLink>
    }
  }
  if (!b || typeof b !== "object" || b.entity !== "event" || typeof b.event !== "string" || !b.payload || typeof b.payload !== "object") {
    return null
  }
  return {
    event: b.event,
    account_id: b.account_id,
    created_at: b.created_at,
    payment: b.payload.payment?.entity,
    refund: b.payload.refund?.entity,
    order: b.payload.order?.entity,
    payment_link: b.payload.payment_link?.entity,
  }
}

/** A Medusa session id kept in Razorpay notes (empty arrays are Razorpay's "no notes"). */
export function noteValue(notes: Record<string, unknown> | unknown[] | null | undefined, key: string): string | undefined {
  if (!notes || Array.isArray(notes)) {
    return undefined
  }
  const value = notes[key]
  return typeof value === "string" && value ? value : undefined
}

/** Razorpay takes amounts in the currency's subunit; the shop sells in rupees only. */
export const RAZORPAY_CURRENCIES = ["inr"] as const

/** Razorpay's smallest order: ₹1.00. */
export const RAZORPAY_MIN_PAISE = 100

/**
 * How long a signed webhook stays deliverable: Razorpay retries a failed
 * delivery for a day, PayPal for longer but with a fresh signed time on each
 * attempt. A delivery signed longer ago than this (or more than five
 * minutes ahead of the shop's clock) is a replay and is refused.
 */
export const WEBHOOK_REPLAY_WINDOW_MS = 48 * 3600 * 1000
const CLOCK_SKEW_MS = 5 * 60 * 1000

/** Why a delivery signed at `signedAt` (epoch ms) is outside the replay window, or null when it is inside. */
export function replayWindowProblem(signedAt: number | undefined, now = Date.now()): string | null {
  if (signedAt === undefined || !Number.isFinite(signedAt)) {
    return "the delivery carries no signed time"
  }
  if (signedAt > now + CLOCK_SKEW_MS) {
    return "the delivery is signed with a time in the future"
  }
  if (now - signedAt > WEBHOOK_REPLAY_WINDOW_MS) {
    return `the delivery was signed more than ${WEBHOOK_REPLAY_WINDOW_MS / 3600_000} hours ago`
  }
  return null
}

/** Razorpay's id of an event (the same on every redelivery), else a digest of the body. */
export function razorpayEventId(headers: Record<string, unknown>, raw: Buffer | string): string {
  const header = headers["x-razorpay-event-id"]
  return typeof header === "string" && header ? header : `sha256:${createHash("sha256").update(raw).digest("hex")}`
}
