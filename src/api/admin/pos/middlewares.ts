import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../utils/validation"
import {
  PosApprovalBody,
  PosApprovalDecisionBody,
  PosApprovalsQuery,
  PosEstimateBody,
  PosEstimatePdfQuery,
  PosEstimatesQuery,
  PosOrderBody,
  PosOrdersQuery,
  PosQuoteBody,
  PriceLimitsBody,
} from "./validators"

export const adminPosRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/pos/orders", methods: ["POST"], middlewares: [validateBody(PosOrderBody)] },
  { matcher: "/admin/pos/quote", methods: ["POST"], middlewares: [validateBody(PosQuoteBody)] },
  { matcher: "/admin/pos/orders", methods: ["GET"], middlewares: [validateQuery(PosOrdersQuery, {})] },
  { matcher: "/admin/pos/approvals", methods: ["POST"], middlewares: [validateBody(PosApprovalBody)] },
  { matcher: "/admin/pos/approvals", methods: ["GET"], middlewares: [validateQuery(PosApprovalsQuery, {})] },
  { matcher: "/admin/pos/approvals/:id/approve", methods: ["POST"], middlewares: [validateBody(PosApprovalDecisionBody)] },
  { matcher: "/admin/pos/approvals/:id/reject", methods: ["POST"], middlewares: [validateBody(PosApprovalDecisionBody)] },
  { matcher: "/admin/pos/price-limits", methods: ["POST"], middlewares: [validateBody(PriceLimitsBody)] },
  { matcher: "/admin/pos/estimates", methods: ["POST"], middlewares: [validateBody(PosEstimateBody)] },
  { matcher: "/admin/pos/estimates", methods: ["GET"], middlewares: [validateQuery(PosEstimatesQuery, {})] },
  { matcher: "/admin/pos/estimates/:id/pdf", methods: ["GET"], middlewares: [validateQuery(PosEstimatePdfQuery, {})] },
]
