import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { paypalSettings } from "../../lib/payment-settings"
import { paypalMinor, parsePaypalWebhook } from "../../lib/paypal"
import { replayWindowProblem } from "../../lib/razorpay"
import { PaypalWebhookVerifier } from "../../modules/payment-paypal/webhook-verifier"
import { passOnce } from "./payment-webhooks"

let verifier: { key: string; verifier: PaypalWebhookVerifier } | undefined

function verifierFor(settings: NonNullable<ReturnType<typeof paypalSettings>>) {
  const key = JSON.stringify(settings)
  if (verifier?.key !== key) {
    verifier = { key, verifier: new PaypalWebhookVerifier({ ...settings, webhook_id: settings.webhook_id ?? undefined }) }
  }
  return verifier.verifier
}

/**
 * In front of Medusa's /hooks/payment/paypal_paypal: PayPal is asked whether
 * it sent the delivery (verify-webhook-signature); one it does not vouch for
 * is answered 403 and goes no further, an event delivered before is answered
 * 200 without being processed again, and PayPal being unreachable answers
 * 503 (PayPal delivers again later).
 */
export async function guardPaypalWebhook(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const settings = paypalSettings()
    if (!settings?.webhook_id) {
      res.status(404).json({ type: "not_found", message: "PayPal webhooks are not set up on this shop (PAYPAL_WEBHOOK_ID)" })
      return
    }
    const raw = (req as MedusaRequest & { rawBody?: Buffer }).rawBody
    const event = parsePaypalWebhook(req.body)
    if (!raw || !event) {
      res.status(400).json({ type: "invalid_data", message: "Not a PayPal webhook event" })
      return
    }
    // The transmission time is part of what PayPal signs (checked by verify-webhook-signature below).
    const sentAt = Date.parse(String(req.headers["paypal-transmission-time"] ?? ""))
    const stale = replayWindowProblem(Number.isNaN(sentAt) ? undefined : sentAt)
    if (stale) {
      res.status(400).json({ type: "invalid_data", message: `PayPal delivery refused: ${stale}` })
      return
    }
    let vouched: boolean
    try {
      vouched = await verifierFor(settings).verify(req.headers, raw.toString("utf8"))
    } catch (err) {
      res.status(503).json({ type: "provider_unavailable", message: `PayPal could not be asked about this delivery: ${(err as Error).message}` })
      return
    }
    if (!vouched) {
      res.status(403).json({ type: "not_allowed", message: "PayPal did not vouch for this webhook delivery" })
      return
    }
    await passOnce(req, res, next, {
      provider: "paypal",
      event_id: event.id,
      event: event.event_type,
      provider_payment_id: event.resource.id,
      provider_order_id: event.resource.supplementary_data?.related_ids?.order_id ?? null,
      amount_paise: event.resource.amount ? paypalMinor(event.resource.amount.value) : null,
      currency_code: event.resource.amount?.currency_code?.toLowerCase() ?? null,
      occurred_at: new Date(),
    })
  } catch (err) {
    next(err)
  }
}
