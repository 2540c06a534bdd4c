import type { MiddlewareRoute } from "@medusajs/framework/http"
import { NoBody, validateBody } from "../../utils/validation"

export const adminBackupRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/backups", methods: ["POST"], middlewares: [validateBody(NoBody)] },
  { matcher: "/admin/backups/drill", methods: ["POST"], middlewares: [validateBody(NoBody)] },
]
