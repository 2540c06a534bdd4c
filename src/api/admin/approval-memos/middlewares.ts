import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../utils/validation"
import { IssueApprovalMemoBody, ListApprovalMemosQuery, ReturnApprovalPiecesBody } from "./validators"

export const adminApprovalMemoRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/approval-memos", methods: ["GET"], middlewares: [validateQuery(ListApprovalMemosQuery, {})] },
  { matcher: "/admin/approval-memos", methods: ["POST"], middlewares: [validateBody(IssueApprovalMemoBody)] },
  { matcher: "/admin/approval-memos/:id/returns", methods: ["POST"], middlewares: [validateBody(ReturnApprovalPiecesBody)] },
]
