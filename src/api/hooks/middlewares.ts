import type { MiddlewareRoute } from "@medusajs/framework/http"
import { GupshupCallbackBody } from "../../modules/notification-gupshup/webhook"
import { TwilioInboundBody, TwilioStatusBody } from "../../modules/notification-twilio/webhook"
import { validateProviderForm } from "../utils/validation"
import { guardPaymentWebhook, verifyGupshupToken, verifyTwilioSignature } from "./helpers"

export const hookRoutesMiddlewares: MiddlewareRoute[] = [
  // Medusa's route as it declares it: every spelling Express sends there meets the guard.
  { matcher: "/hooks/payment/:provider", methods: ["POST"], bodyParser: { preserveRawBody: true }, middlewares: [guardPaymentWebhook] },
  { matcher: "/hooks/gupshup", methods: ["POST"], middlewares: [verifyGupshupToken, validateProviderForm(GupshupCallbackBody)] },
  { matcher: "/hooks/twilio/status", methods: ["POST"], middlewares: [verifyTwilioSignature, validateProviderForm(TwilioStatusBody)] },
  { matcher: "/hooks/twilio/inbound", methods: ["POST"], middlewares: [verifyTwilioSignature, validateProviderForm(TwilioInboundBody)] },
]
