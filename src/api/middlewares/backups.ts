import type { MiddlewareRoute } from "@medusajs/framework/http"
import { NoBody, validateBody } from "../validation"

export const backupRoutes: MiddlewareRoute[] = [{ matcher: "/admin/backups", methods: ["POST"], middlewares: [validateBody(NoBody)] }]
