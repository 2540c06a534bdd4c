import { paypalSettings } from "../../lib/payment-settings"
import { paypalMinor, parsePaypalWebhook } from "../../lib/paypal"
import { replayWindowProblem } from "../../lib/razorpay"
import { PaypalWebhookVerifier } from "./webhook-verifier"

/** Why a delivery is turned away: the shop takes none, PayPal does not vouch for it, it is not an event, or PayPal could not be asked. */
export type PaypalDeliveryRefusal = { refused: "not_configured" | "forged" | "malformed" | "unreachable"; message: string }

let verifier: { key: string; verifier: PaypalWebhookVerifier } | undefined

function verifierFor(settings: NonNullable<ReturnType<typeof paypalSettings>>) {
  const key = JSON.stringify(settings)
  if (verifier?.key !== key) {
    verifier = { key, verifier: new PaypalWebhookVerifier({ ...settings, webhook_id: settings.webhook_id ?? undefined }) }
  }
  return verifier.verifier
}

/**
 * Checks a PayPal webhook delivery: PayPal is asked whether it sent it
 * (verify-webhook-signature), after the event's shape and its transmission
 * time (part of what PayPal signs) are checked here. Answers the event as
 * the shop records it (once per event id), or why it is refused.
 */
export async function checkPaypalDelivery({ raw, body, headers }: { raw: Buffer | undefined; body: unknown; headers: Record<string, string | string[] | undefined> }) {
  const settings = paypalSettings()
  if (!settings?.webhook_id) {
    return { refused: "not_configured", message: "PayPal webhooks are not set up on this shop (PAYPAL_WEBHOOK_ID)" } satisfies PaypalDeliveryRefusal
  }
  const event = parsePaypalWebhook(body)
  if (!raw || !event) {
    return { refused: "malformed", message: "Not a PayPal webhook event" } satisfies PaypalDeliveryRefusal
  }
  const sentAt = Date.parse(String(headers["paypal-transmission-time"] ?? ""))
  const stale = replayWindowProblem(Number.isNaN(sentAt) ? undefined : sentAt)
  if (stale) {
    return { refused: "malformed", message: `PayPal delivery refused: ${stale}` } satisfies PaypalDeliveryRefusal
  }
  let vouched: boolean
  try {
    vouched = await verifierFor(settings).verify(headers, raw.toString("utf8"))
  } catch (err) {
    return { refused: "unreachable", message: `PayPal could not be asked about this delivery: ${(err as Error).message}` } satisfies PaypalDeliveryRefusal
  }
  if (!vouched) {
    return { refused: "forged", message: "PayPal did not vouch for this webhook delivery" } satisfies PaypalDeliveryRefusal
  }
  return {
    event: {
      provider: "paypal",
      event_id: event.id,
      event: event.event_type,
      provider_payment_id: event.resource.id,
      provider_order_id: event.resource.supplementary_data?.related_ids?.order_id ?? null,
      amount_paise: event.resource.amount ? paypalMinor(event.resource.amount.value) : null,
      currency_code: event.resource.amount?.currency_code?.toLowerCase() ?? null,
      occurred_at: new Date(),
    },
  }
}
