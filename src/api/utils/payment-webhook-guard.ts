import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PAYPAL_WEBHOOK_PROVIDER, RAZORPAY_WEBHOOK_PROVIDER } from "../../lib/payment-settings"
import { guardPaypalWebhook } from "./paypal-webhook"
import { guardRazorpayWebhook } from "./razorpay-webhook"

const GUARDS: Record<string, (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => Promise<void>> = {
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
  await guard(req, res, next)
}
