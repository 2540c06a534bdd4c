import { isValidWebhookSignature, parseRazorpayWebhook, razorpayEventId, replayWindowProblem } from "../../lib/razorpay"

/** Why a delivery is turned away: the shop takes none, it is not Razorpay's, or it is not an event we can use. */
export type RazorpayDeliveryRefusal = { refused: "not_configured" | "forged" | "malformed"; message: string }

/**
 * Checks a Razorpay webhook delivery: a valid X-Razorpay-Signature
 * (HMAC-SHA256 of the raw body with the webhook secret), an event in
 * Razorpay's shape, signed within the replay window. Answers the event as
 * the shop records it (once per event id), or why it is refused.
 */
export function checkRazorpayDelivery({
  secret,
  signature,
  raw,
  body,
  headers,
}: {
  secret: string | null | undefined
  signature: string | undefined
  raw: Buffer | undefined
  body: unknown
  headers: Record<string, unknown>
}) {
  if (!secret) {
    return { refused: "not_configured", message: "Razorpay webhooks are not set up on this shop (RAZORPAY_WEBHOOK_SECRET)" } satisfies RazorpayDeliveryRefusal
  }
  if (!signature) {
    return { refused: "forged", message: "Missing X-Razorpay-Signature" } satisfies RazorpayDeliveryRefusal
  }
  if (!raw || !isValidWebhookSignature(raw, signature, secret)) {
    return { refused: "forged", message: "Invalid X-Razorpay-Signature" } satisfies RazorpayDeliveryRefusal
  }
  const event = parseRazorpayWebhook(body)
  if (!event) {
    return { refused: "malformed", message: 'Not a Razorpay event: expected { entity: "event", event, payload }' } satisfies RazorpayDeliveryRefusal
  }
  // created_at is inside the signed body: a replay of an old delivery cannot move it.
  const stale = replayWindowProblem(event.created_at === undefined ? undefined : event.created_at * 1000)
  if (stale) {
    return { refused: "malformed", message: `Razorpay event refused: ${stale}` } satisfies RazorpayDeliveryRefusal
  }
  return {
    event: {
      provider: "razorpay",
      event_id: razorpayEventId(headers, raw),
      event: event.event,
      provider_payment_id: event.payment?.id ?? event.refund?.payment_id ?? null,
      provider_order_id: event.payment?.order_id ?? event.order?.id ?? null,
      provider_refund_id: event.refund?.id ?? null,
      amount_paise: event.refund?.amount ?? event.payment?.amount ?? event.payment_link?.amount ?? null,
      currency_code: (event.payment?.currency ?? event.refund?.currency)?.toLowerCase() ?? null,
      reason: event.payment?.error_description ?? null,
      occurred_at: event.created_at ? new Date(event.created_at * 1000) : new Date(),
    },
  }
}
