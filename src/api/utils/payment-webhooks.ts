import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { WebhookEventInput } from "../../modules/pos/service"
import { recordPaymentWebhookWorkflow } from "../../workflows/payments"

/**
 * Keeps a provider's webhook delivery once per event id and lets it on to
 * Medusa's /hooks/payment route; a delivery of an event kept before is
 * answered 200 here and processed no further.
 */
export async function passOnce(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction, input: WebhookEventInput) {
  const { result } = await recordPaymentWebhookWorkflow(req.scope).run({ input })
  if (result.duplicate) {
    res.status(200).json({ received: true, duplicate: true })
    return
  }
  next()
}
