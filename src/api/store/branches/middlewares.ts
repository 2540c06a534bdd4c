import type { MiddlewareRoute } from "@medusajs/framework/http"
import { ListBranchesQuery, RetrieveBranchQuery } from "../../admin/branches/validators"
import { validateQuery } from "../../utils/validation"
import { listStoreBranchQueryConfig, retrieveStoreBranchQueryConfig } from "./query-config"

export const storeBranchRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/branches", methods: ["GET"], middlewares: [validateQuery(ListBranchesQuery, listStoreBranchQueryConfig)] },
  { matcher: "/store/branches/:id", methods: ["GET"], middlewares: [validateQuery(RetrieveBranchQuery, retrieveStoreBranchQueryConfig)] },
]
