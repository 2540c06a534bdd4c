import {
  type MiddlewareRoute,
  authenticate,
} from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../utils/validation"
import { AdjustPointsBody, CartPointsBody, LedgerQuery, ProgramBody, RedeemPointsBody } from "../utils/loyalty"

export const loyaltyRoutes: MiddlewareRoute[] = [
  {
    matcher: "/store/customers/me/loyalty",
    methods: ["GET"],
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  {
    matcher: "/store/carts/:id/loyalty*",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  { matcher: "/store/carts/:id/loyalty/redeem", methods: ["POST"], middlewares: [validateBody(CartPointsBody)] },
  { matcher: "/admin/loyalty/customers/:id/redeem", methods: ["POST"], middlewares: [validateBody(RedeemPointsBody)] },
  { matcher: "/admin/loyalty/customers/:id/adjust", methods: ["POST"], middlewares: [validateBody(AdjustPointsBody)] },
  { matcher: "/admin/loyalty/ledger", methods: ["GET"], middlewares: [validateQuery(LedgerQuery, {})] },
  { matcher: "/admin/loyalty/program", methods: ["POST"], middlewares: [validateBody(ProgramBody)] },
]
