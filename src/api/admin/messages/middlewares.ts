import type { MiddlewareRoute } from "@medusajs/framework/http"
import { NoBody, validateBody, validateQuery } from "../../utils/validation"
import { ListMessagesQuery, PreviewTemplateBody, SaveTemplateBody } from "./validators"

export const adminMessageRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/messages", methods: ["GET"], middlewares: [validateQuery(ListMessagesQuery, {})] },
  { matcher: "/admin/messages/:id/resend", methods: ["POST"], middlewares: [validateBody(NoBody)] },
  { matcher: "/admin/messages/templates", methods: ["POST"], middlewares: [validateBody(SaveTemplateBody)] },
  { matcher: "/admin/messages/templates/preview", methods: ["POST"], middlewares: [validateBody(PreviewTemplateBody)] },
]
