import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PAYPAL_WEBHOOK_PROVIDER, RAZORPAY_WEBHOOK_PROVIDER, razorpaySecrets } from "../../lib/payment-settings"
import { isValidCallbackToken } from "../../modules/notification-gupshup/webhook"
import { isValidTwilioSignature, twilioSignedUrl } from "../../modules/notification-twilio/webhook"
import { checkPaypalDelivery } from "../../modules/payment-paypal/webhook"
import { checkRazorpayDelivery } from "../../modules/payment-razorpay/webhook"
import type { WebhookEventInput } from "../../modules/pos/service"
import { recordPaymentWebhookWorkflow } from "../../workflows/payments"

type Handler = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => Promise<void> | void
type Refusal = { refused: "not_configured" | "forged" | "malformed" | "unreachable"; message: string }

/** How a provider's refusal of a delivery is answered. */
const ANSWERS: Record<Refusal["refused"], { status: number; type: string }> = {
  not_configured: { status: 404, type: "not_found" },
  forged: { status: 403, type: "not_allowed" },
  malformed: { status: 400, type: "invalid_data" },
  unreachable: { status: 503, type: "provider_unavailable" },
}

function refuse(res: MedusaResponse, { refused, message }: Refusal) {
  res.status(ANSWERS[refused].status).json({ type: ANSWERS[refused].type, message })
}

const rawBody = (req: MedusaRequest) => (req as MedusaRequest & { rawBody?: Buffer }).rawBody

/**
 * Keeps a provider's webhook delivery once per event id and lets it on to
 * Medusa's /hooks/payment route; a delivery of an event kept before is
 * answered 200 here and processed no further.
 */
async function passOnce(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction, input: WebhookEventInput) {
  const { result } = await recordPaymentWebhookWorkflow(req.scope).run({ input })
  if (result.duplicate) {
    res.status(200).json({ received: true, duplicate: true })
    return
  }
  next()
}

/**
 * In front of Medusa's /hooks/payment/razorpay_razorpay: a delivery without a
 * valid signature is answered 403 and goes no further; an event delivered
 * before is answered 200 and not processed again. The rest go on to Medusa,
 * which processes them a moment later (and to the shop's refund bookkeeping).
 */
const guardRazorpayWebhook: Handler = async (req, res, next) => {
  const checked = checkRazorpayDelivery({
    secret: razorpaySecrets()?.webhook_secret,
    signature: req.get("x-razorpay-signature"),
    raw: rawBody(req),
    body: req.body,
    headers: req.headers,
  })
  return checked.event ? passOnce(req, res, next, checked.event) : refuse(res, checked)
}

/**
 * In front of Medusa's /hooks/payment/paypal_paypal: a delivery PayPal does
 * not vouch for is answered 403 and goes no further, an event delivered
 * before is answered 200 without being processed again, and PayPal being
 * unreachable answers 503 (PayPal delivers again later).
 */
const guardPaypalWebhook: Handler = async (req, res, next) => {
  const checked = await checkPaypalDelivery({ raw: rawBody(req), body: req.body, headers: req.headers })
  return checked.event ? passOnce(req, res, next, checked.event) : refuse(res, checked)
}

const GUARDS: Record<string, Handler> = {
  [RAZORPAY_WEBHOOK_PROVIDER]: guardRazorpayWebhook,
  [PAYPAL_WEBHOOK_PROVIDER]: guardPaypalWebhook,
}

/**
 * In front of Medusa's /hooks/payment/:provider, for the provider as Express
 * decodes it (Medusa looks the provider up by that same value): each
 * provider's signature check and de-duplication; a provider without one
 * takes no webhooks (404), so no unverified delivery reaches the event bus.
 */
export async function guardPaymentWebhook(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const provider = String(req.params.provider ?? "")
  const guard = Object.prototype.hasOwnProperty.call(GUARDS, provider) ? GUARDS[provider] : undefined
  if (!guard) {
    res.status(404).json({ type: "not_found", message: `No payment webhooks are taken for "${provider}"` })
    return
  }
  try {
    await guard(req, res, next)
  } catch (err) {
    next(err)
  }
}

/** Lets a Gupshup callback through only with the secret token of its callback URL (GUPSHUP_WEBHOOK_SECRET). */
export function verifyGupshupToken(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const secret = process.env.GUPSHUP_WEBHOOK_SECRET
  if (!secret) {
    return refuse(res, { refused: "not_configured", message: "Gupshup callbacks are not configured on this shop" })
  }
  if (!isValidCallbackToken(req.query.token, secret)) {
    return refuse(res, { refused: "forged", message: "Invalid Gupshup callback token" })
  }
  next()
}

/** Lets a Twilio callback through only with a valid X-Twilio-Signature (TWILIO_AUTH_TOKEN). */
export function verifyTwilioSignature(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const token = process.env.TWILIO_AUTH_TOKEN
  if (!token) {
    return refuse(res, { refused: "not_configured", message: "Twilio is not configured on this shop" })
  }
  const signature = req.get("x-twilio-signature")
  if (!signature) {
    return refuse(res, { refused: "forged", message: "Missing X-Twilio-Signature" })
  }
  const url = twilioSignedUrl(process.env.PUBLIC_URL, `${req.protocol}://${req.get("host")}`, req.originalUrl)
  if (!isValidTwilioSignature(token, signature, url, req.body)) {
    return refuse(res, { refused: "forged", message: "Invalid X-Twilio-Signature" })
  }
  next()
}
