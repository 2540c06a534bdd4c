import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../utils/validation"
import { listBranchQueryConfig, retrieveBranchQueryConfig } from "./query-config"
import { ListBranchesQuery, RetrieveBranchQuery } from "./validators"

export const adminBranchRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/branches", methods: ["GET"], middlewares: [validateQuery(ListBranchesQuery, listBranchQueryConfig)] },
  { matcher: "/admin/branches/:id", methods: ["GET"], middlewares: [validateQuery(RetrieveBranchQuery, retrieveBranchQueryConfig)] },
]
