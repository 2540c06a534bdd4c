import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../utils/validation"
import { StoreMetalRatesQuery } from "./validators"

export const storeMetalRateRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/metal-rates", methods: ["GET"], middlewares: [validateQuery(StoreMetalRatesQuery, {})] },
]
