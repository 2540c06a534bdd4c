import {
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { GupshupCallbackBody, verifyGupshupToken } from "../utils/gupshup-webhook"
import { ListMessagesQuery, PreviewTemplateBody, SaveTemplateBody } from "../utils/messaging"
import { TwilioInboundBody, TwilioStatusBody, validateProviderForm, verifyTwilioSignature } from "../utils/twilio-webhook"

export const messagingRoutes: MiddlewareRoute[] = [
  { matcher: "/admin/messages", methods: ["GET"], middlewares: [validateAndTransformQuery(ListMessagesQuery, {})] },
  { matcher: "/admin/messages/templates", methods: ["POST"], middlewares: [validateAndTransformBody(SaveTemplateBody)] },
  { matcher: "/admin/messages/templates/preview", methods: ["POST"], middlewares: [validateAndTransformBody(PreviewTemplateBody)] },
  { matcher: "/hooks/gupshup", methods: ["POST"], middlewares: [verifyGupshupToken, validateProviderForm(GupshupCallbackBody)] },
  { matcher: "/hooks/twilio/status", methods: ["POST"], middlewares: [verifyTwilioSignature, validateProviderForm(TwilioStatusBody)] },
  { matcher: "/hooks/twilio/inbound", methods: ["POST"], middlewares: [verifyTwilioSignature, validateProviderForm(TwilioInboundBody)] },
]
