import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../utils/validation"
import { ListJobsQuery, MoveJobBody, ReceiveJobBody } from "./validators"

export const adminJobCardRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/job-cards", methods: ["GET"], middlewares: [validateQuery(ListJobsQuery, {})] },
  { matcher: "/admin/job-cards", methods: ["POST"], middlewares: [validateBody(ReceiveJobBody)] },
  { matcher: "/admin/job-cards/:id/steps", methods: ["POST"], middlewares: [validateBody(MoveJobBody)] },
]
