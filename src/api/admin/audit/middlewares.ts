import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../utils/validation"
import { AuditQuery } from "./validators"

export const adminAuditRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/audit", methods: ["GET"], middlewares: [validateQuery(AuditQuery, {})] },
]
