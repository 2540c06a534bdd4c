import type { MiddlewareRoute } from "@medusajs/framework/http"
import { auditMedusaRefunds } from "../../utils/audit-refunds"
import { validateBody, validateQuery } from "../../utils/validation"
import { PaymentLinkBody, PaymentLinksQuery, ReconciliationQuery } from "./validators"

export const adminPaymentRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/payments/links", methods: ["POST"], middlewares: [validateBody(PaymentLinkBody)] },
  { matcher: "/admin/payments/links", methods: ["GET"], middlewares: [validateQuery(PaymentLinksQuery, {})] },
  { matcher: "/admin/payments/reconciliation", methods: ["GET"], middlewares: [validateQuery(ReconciliationQuery, {})] },
  // Refunds go through Medusa's own route; the trail records them once it has answered.
  { matcher: "/admin/payments/:id/refund", methods: ["POST"], middlewares: [auditMedusaRefunds] },
]
