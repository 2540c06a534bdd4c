import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../utils/validation"
import {
  CompleteTaskBody,
  CreateCrmCustomerBody,
  Customer360Query,
  DuplicatesQuery,
  ListCrmCustomersQuery,
  ListInteractionsQuery,
  ListMergesQuery,
  ListTasksQuery,
  LogInteractionBody,
  MergeCustomersBody,
  UpcomingQuery,
} from "./validators"

export const adminCrmRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/crm/customers/duplicates", methods: ["GET"], middlewares: [validateQuery(DuplicatesQuery, {})] },
  { matcher: "/admin/crm/customers/merge", methods: ["POST"], middlewares: [validateBody(MergeCustomersBody)] },
  { matcher: "/admin/crm/merges", methods: ["GET"], middlewares: [validateQuery(ListMergesQuery, {})] },
  { matcher: "/admin/crm/customers/:id/360", methods: ["GET"], middlewares: [validateQuery(Customer360Query, {})] },
  { matcher: "/admin/crm/customers/:id/interactions", methods: ["GET"], middlewares: [validateQuery(ListInteractionsQuery, {})] },
  { matcher: "/admin/crm/customers/:id/interactions", methods: ["POST"], middlewares: [validateBody(LogInteractionBody)] },
  { matcher: "/admin/crm/tasks", methods: ["GET"], middlewares: [validateQuery(ListTasksQuery, {})] },
  { matcher: "/admin/crm/tasks/:id/complete", methods: ["POST"], middlewares: [validateBody(CompleteTaskBody)] },
  { matcher: "/admin/crm/upcoming", methods: ["GET"], middlewares: [validateQuery(UpcomingQuery, {})] },
  { matcher: "/admin/crm/customers", methods: ["GET"], middlewares: [validateQuery(ListCrmCustomersQuery, {})] },
  { matcher: "/admin/crm/customers", methods: ["POST"], middlewares: [validateBody(CreateCrmCustomerBody)] },
]
