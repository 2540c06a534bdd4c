import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../utils/validation"
import { AdjustPointsBody, LedgerQuery, ProgramBody, RedeemPointsBody } from "./validators"

export const adminLoyaltyRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/loyalty/customers/:id/redeem", methods: ["POST"], middlewares: [validateBody(RedeemPointsBody)] },
  { matcher: "/admin/loyalty/customers/:id/adjust", methods: ["POST"], middlewares: [validateBody(AdjustPointsBody)] },
  { matcher: "/admin/loyalty/ledger", methods: ["GET"], middlewares: [validateQuery(LedgerQuery, {})] },
  { matcher: "/admin/loyalty/program", methods: ["POST"], middlewares: [validateBody(ProgramBody)] },
]
