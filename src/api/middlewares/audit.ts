import { type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { AuditQuery } from "../utils/audit"
import { auditMedusaRefunds } from "../utils/audit-refunds"

export const auditRoutes: MiddlewareRoute[] = [
  { matcher: "/admin/audit", methods: ["GET"], middlewares: [validateAndTransformQuery(AuditQuery, {})] },
  // Refunds go through Medusa's own route; the trail records them once it has answered.
  { matcher: "/admin/payments/:id/refund", methods: ["POST"], middlewares: [auditMedusaRefunds] },
]
