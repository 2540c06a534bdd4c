import {
  type MiddlewareRoute,
  authenticate,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
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
  { matcher: "/store/carts/:id/loyalty/redeem", methods: ["POST"], middlewares: [validateAndTransformBody(CartPointsBody)] },
  { matcher: "/admin/loyalty/customers/:id/redeem", methods: ["POST"], middlewares: [validateAndTransformBody(RedeemPointsBody)] },
  { matcher: "/admin/loyalty/customers/:id/adjust", methods: ["POST"], middlewares: [validateAndTransformBody(AdjustPointsBody)] },
  { matcher: "/admin/loyalty/ledger", methods: ["GET"], middlewares: [validateAndTransformQuery(LedgerQuery, {})] },
  { matcher: "/admin/loyalty/program", methods: ["POST"], middlewares: [validateAndTransformBody(ProgramBody)] },
]
