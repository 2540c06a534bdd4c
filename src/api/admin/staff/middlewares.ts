import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../utils/validation"
import { AssignStaffBody, ListStaffQuery } from "./validators"

export const adminStaffRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/staff", methods: ["GET"], middlewares: [validateQuery(ListStaffQuery, {})] },
  { matcher: "/admin/staff/:id", methods: ["POST"], middlewares: [validateBody(AssignStaffBody)] },
]
