import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../utils/validation"
import { PosOrderBody, PosOrdersQuery, PosQuoteBody } from "./validators"

export const adminPosRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/pos/orders", methods: ["POST"], middlewares: [validateBody(PosOrderBody)] },
  { matcher: "/admin/pos/quote", methods: ["POST"], middlewares: [validateBody(PosQuoteBody)] },
  { matcher: "/admin/pos/orders", methods: ["GET"], middlewares: [validateQuery(PosOrdersQuery, {})] },
]
