import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../utils/validation"
import { AuditQuery } from "../utils/audit"
import { auditMedusaRefunds } from "../utils/audit-refunds"

export const auditRoutes: MiddlewareRoute[] = [
  { matcher: "/admin/audit", methods: ["GET"], middlewares: [validateQuery(AuditQuery, {})] },
  // Refunds go through Medusa's own route; the trail records them once it has answered.
  { matcher: "/admin/payments/:id/refund", methods: ["POST"], middlewares: [auditMedusaRefunds] },
]
