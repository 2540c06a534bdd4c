import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../utils/validation"
import { CurrentMetalRatesQuery, MetalRateHistoryQuery, PostMetalRatesBody } from "./validators"

export const adminMetalRateRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/metal-rates", methods: ["GET"], middlewares: [validateQuery(CurrentMetalRatesQuery, {})] },
  { matcher: "/admin/metal-rates", methods: ["POST"], middlewares: [validateBody(PostMetalRatesBody)] },
  { matcher: "/admin/metal-rates/history", methods: ["GET"], middlewares: [validateQuery(MetalRateHistoryQuery, {})] },
]
