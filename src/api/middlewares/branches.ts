import {
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { validateQuery } from "../utils/validation"
import { ADMIN_BRANCH_FIELDS, ListBranchesQuery, PUBLIC_BRANCH_FIELDS, RetrieveBranchQuery } from "../utils/branches"

export const branchRoutes: MiddlewareRoute[] = [
  {
    matcher: "/admin/branches",
    methods: ["GET"],
    middlewares: [validateQuery(ListBranchesQuery, { defaults: ADMIN_BRANCH_FIELDS, isList: true })],
  },
  {
    matcher: "/admin/branches/:id",
    methods: ["GET"],
    middlewares: [validateQuery(RetrieveBranchQuery, { defaults: ADMIN_BRANCH_FIELDS, isList: false })],
  },
  {
    matcher: "/store/branches",
    methods: ["GET"],
    middlewares: [
      validateQuery(ListBranchesQuery, {
        defaults: PUBLIC_BRANCH_FIELDS,
        allowed: PUBLIC_BRANCH_FIELDS,
        isList: true,
      }),
    ],
  },
  {
    matcher: "/store/branches/:id",
    methods: ["GET"],
    middlewares: [
      validateQuery(RetrieveBranchQuery, {
        defaults: PUBLIC_BRANCH_FIELDS,
        allowed: PUBLIC_BRANCH_FIELDS,
        isList: false,
      }),
    ],
  },
]
