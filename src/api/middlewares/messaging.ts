import {
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { NoBody, validateBody, validateProviderForm, validateQuery } from "../utils/validation"
import { GupshupCallbackBody } from "../../modules/notification-gupshup/webhook"
import { TwilioInboundBody, TwilioStatusBody } from "../../modules/notification-twilio/webhook"
import { verifyGupshupToken, verifyTwilioSignature } from "../hooks/helpers"
import { ListMessagesQuery, PreviewTemplateBody, SaveTemplateBody } from "../utils/messaging"

export const messagingRoutes: MiddlewareRoute[] = [
  { matcher: "/admin/messages", methods: ["GET"], middlewares: [validateQuery(ListMessagesQuery, {})] },
  { matcher: "/admin/messages/:id/resend", methods: ["POST"], middlewares: [validateBody(NoBody)] },
  { matcher: "/admin/messages/templates", methods: ["POST"], middlewares: [validateBody(SaveTemplateBody)] },
  { matcher: "/admin/messages/templates/preview", methods: ["POST"], middlewares: [validateBody(PreviewTemplateBody)] },
  { matcher: "/hooks/gupshup", methods: ["POST"], middlewares: [verifyGupshupToken, validateProviderForm(GupshupCallbackBody)] },
  { matcher: "/hooks/twilio/status", methods: ["POST"], middlewares: [verifyTwilioSignature, validateProviderForm(TwilioStatusBody)] },
  { matcher: "/hooks/twilio/inbound", methods: ["POST"], middlewares: [verifyTwilioSignature, validateProviderForm(TwilioInboundBody)] },
]
