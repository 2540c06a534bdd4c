import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../utils/validation"
import { IssueToKarigarBody, ListIssuesQuery, ReceiveFromKarigarBody } from "./validators"

export const adminKarigarIssueRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/karigar-issues", methods: ["GET"], middlewares: [validateQuery(ListIssuesQuery, {})] },
  { matcher: "/admin/karigar-issues", methods: ["POST"], middlewares: [validateBody(IssueToKarigarBody)] },
  { matcher: "/admin/karigar-issues/:id/receipts", methods: ["POST"], middlewares: [validateBody(ReceiveFromKarigarBody)] },
]
