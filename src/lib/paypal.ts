/**
 * PayPal's rules as pure functions: amounts as PayPal writes them, which
 * currencies the shop takes through PayPal, what an order's status means to
 * Medusa, how PayPal's errors read, and what a webhook event is about.
 */
import { MedusaError } from "@medusajs/framework/utils"

/** PayPal takes the shop's rupees (INR, for in-country PayPal India accounts) and US dollars. */
export const PAYPAL_CURRENCIES = ["inr", "usd"] as const

/** Minor units (paise, cents) as PayPal's decimal string: 4073650 → "40736.50". */
export function paypalValue(minor: number): string {
  if (!Number.isSafeInteger(minor) || minor < 0) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Not an amount in minor units: ${minor}`)
  }
  return `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, "0")}`
}

/** PayPal's decimal string in minor units: "40736.5" → 4073650; more than two decimals is refused. */
export function paypalMinor(value: string): number {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(value.trim())
  if (!match) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Not a PayPal amount: "${value}"`)
  }
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"))
}

/** What Medusa makes of a PayPal order's status, once the shop has acted on it. */
export function paypalSessionStatus(orderStatus: string | undefined, intent: string | undefined): "pending" | "authorized" | "captured" | "canceled" {
  switch (orderStatus) {
    case "COMPLETED":
      return intent === "CAPTURE" ? "captured" : "authorized"
    case "VOIDED":
      return "canceled"
    default:
      return "pending"
  }
}

export type PaypalErrorInfo = { status: number; name: string; description: string; unavailable: boolean }

/**
 * Reads what the official SDK throws: an ApiError with PayPal's status and
 * `{ name, message, details: [{ issue, description }] }`, or a failure to get
 * an answer at all (network, timeout).
 */
export function paypalErrorInfo(err: unknown): PaypalErrorInfo {
  const e = err as { statusCode?: unknown; result?: { name?: string; message?: string; details?: { issue?: string; description?: string }[] }; message?: string }
  if (typeof e?.statusCode === "number") {
    const detail = e.result?.details?.[0]
    return {
      status: e.statusCode,
      name: detail?.issue ?? e.result?.name ?? "UNKNOWN",
      description: detail?.description ?? e.result?.message ?? `HTTP ${e.statusCode}`,
      unavailable: e.statusCode >= 500 || e.statusCode === 429,
    }
  }
  const message = typeof e?.message === "string" ? e.message : String(err)
  return { status: 0, name: /timeout|abort/i.test(message) ? "TIMEOUT" : "NETWORK_ERROR", description: message, unavailable: true }
}

export type PaypalWebhookEvent = {
  id: string
  event_type: string
  resource_type?: string
  resource: {
    id: string
    status?: string
    custom_id?: string
    amount?: { currency_code: string; value: string }
    purchase_units?: { custom_id?: string; reference_id?: string; amount?: { currency_code: string; value: string } }[]
    supplementary_data?: { related_ids?: { order_id?: string; authorization_id?: string; capture_id?: string } }
  }
}

/** A webhook body as PayPal sends it, or null. */
export function parsePaypalWebhook(body: unknown): PaypalWebhookEvent | null {
  const b = body as Partial<PaypalWebhookEvent>
  if (!b || typeof b !== "object" || typeof b.id !== "string" || typeof b.event_type !== "string" || !b.resource || typeof b.resource.id !== "string") {
    return null
  }
  return b as PaypalWebhookEvent
}

/** The Medusa payment session a PayPal resource belongs to (the purchase unit's custom_id). */
export function paypalSessionId(event: PaypalWebhookEvent): string | undefined {
  return event.resource.custom_id || event.resource.purchase_units?.[0]?.custom_id || event.resource.purchase_units?.[0]?.reference_id || undefined
}
