import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../utils/validation"
import {
  BuyingRatesBody,
  BuyingRatesQuery,
  OldGoldMovementBody,
  OldGoldMovementsQuery,
  OldGoldStockQuery,
  OldGoldValuationBody,
  OldGoldVoucherBody,
  OldGoldVouchersQuery,
} from "./validators"

export const adminOldGoldRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/old-gold/buying-rates", methods: ["GET"], middlewares: [validateQuery(BuyingRatesQuery, {})] },
  { matcher: "/admin/old-gold/buying-rates", methods: ["POST"], middlewares: [validateBody(BuyingRatesBody)] },
  { matcher: "/admin/old-gold/valuations", methods: ["POST"], middlewares: [validateBody(OldGoldValuationBody)] },
  { matcher: "/admin/old-gold/vouchers", methods: ["POST"], middlewares: [validateBody(OldGoldVoucherBody)] },
  { matcher: "/admin/old-gold/vouchers", methods: ["GET"], middlewares: [validateQuery(OldGoldVouchersQuery, {})] },
  { matcher: "/admin/old-gold/stock", methods: ["GET"], middlewares: [validateQuery(OldGoldStockQuery, {})] },
  { matcher: "/admin/old-gold/movements", methods: ["POST"], middlewares: [validateBody(OldGoldMovementBody)] },
  { matcher: "/admin/old-gold/movements", methods: ["GET"], middlewares: [validateQuery(OldGoldMovementsQuery, {})] },
]
