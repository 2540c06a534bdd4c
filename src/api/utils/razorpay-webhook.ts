import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { razorpaySecrets } from "../../lib/payment-settings"
import { isValidWebhookSignature, parseRazorpayWebhook, razorpayEventId, replayWindowProblem } from "../../lib/razorpay"
import { passOnce } from "./payment-webhooks"

/**
 * In front of Medusa's /hooks/payment/razorpay_razorpay: a delivery without a
 * valid X-Razorpay-Signature (HMAC-SHA256 of the raw body with the webhook
 * secret) is answered 403 and goes no further; an event delivered before is
 * answered 200 and not processed again. The rest go on to Medusa, which
 * processes them a moment later (and to the shop's refund bookkeeping).
 */
export async function guardRazorpayWebhook(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const secret = razorpaySecrets()?.webhook_secret
    if (!secret) {
      res.status(404).json({ type: "not_found", message: "Razorpay webhooks are not set up on this shop (RAZORPAY_WEBHOOK_SECRET)" })
      return
    }
    const signature = req.get("x-razorpay-signature")
    if (!signature) {
      res.status(403).json({ type: "not_allowed", message: "Missing X-Razorpay-Signature" })
      return
    }
    const raw = (req as MedusaRequest & { rawBody?: Buffer }).rawBody
    if (!raw || !isValidWebhookSignature(raw, signature, secret)) {
      res.status(403).json({ type: "not_allowed", message: "Invalid X-Razorpay-Signature" })
      return
    }
    const event = parseRazorpayWebhook(req.body)
    if (!event) {
      res.status(400).json({ type: "invalid_data", message: "Not a Razorpay event: expected { entity: \"event\", event, payload }" })
      return
    }
    // created_at is inside the signed body: a replay of an old delivery cannot move it.
    const stale = replayWindowProblem(event.created_at === undefined ? undefined : event.created_at * 1000)
    if (stale) {
      res.status(400).json({ type: "invalid_data", message: `Razorpay event refused: ${stale}` })
      return
    }
    await passOnce(req, res, next, {
      provider: "razorpay",
      event_id: razorpayEventId(req.headers, raw),
      event: event.event,
      provider_payment_id: event.payment?.id ?? event.refund?.payment_id ?? null,
      provider_order_id: event.payment?.order_id ?? event.order?.id ?? null,
      provider_refund_id: event.refund?.id ?? null,
      amount_paise: event.refund?.amount ?? event.payment?.amount ?? event.payment_link?.amount ?? null,
      currency_code: (event.payment?.currency ?? event.refund?.currency)?.toLowerCase() ?? null,
      reason: event.payment?.error_description ?? null,
      occurred_at: event.created_at ? new Date(event.created_at * 1000) : new Date(),
    })
  } catch (err) {
    next(err)
  }
}
