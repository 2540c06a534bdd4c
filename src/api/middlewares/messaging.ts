import {
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { NoBody, validateBody, validateQuery } from "../validation"
import { GupshupCallbackBody, verifyGupshupToken } from "../utils/gupshup-webhook"
import { ListMessagesQuery, PreviewTemplateBody, SaveTemplateBody } from "../utils/messaging"
import { TwilioInboundBody, TwilioStatusBody, validateProviderForm, verifyTwilioSignature } from "../utils/twilio-webhook"

export const messagingRoutes: MiddlewareRoute[] = [
  { matcher: "/admin/messages", methods: ["GET"], middlewares: [validateQuery(ListMessagesQuery, {})] },
  { matcher: "/admin/messages/:id/resend", methods: ["POST"], middlewares: [validateBody(NoBody)] },
  { matcher: "/admin/messages/templates", methods: ["POST"], middlewares: [validateBody(SaveTemplateBody)] },
  { matcher: "/admin/messages/templates/preview", methods: ["POST"], middlewares: [validateBody(PreviewTemplateBody)] },
  { matcher: "/hooks/gupshup", methods: ["POST"], middlewares: [verifyGupshupToken, validateProviderForm(GupshupCallbackBody)] },
  { matcher: "/hooks/twilio/status", methods: ["POST"], middlewares: [verifyTwilioSignature, validateProviderForm(TwilioStatusBody)] },
  { matcher: "/hooks/twilio/inbound", methods: ["POST"], middlewares: [verifyTwilioSignature, validateProviderForm(TwilioInboundBody)] },
]
