import {
  type MiddlewareRoute,
  authenticate,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { AddWishlistItemBody, CompleteTaskBody, CreateCrmCustomerBody, DuplicatesQuery, ListCrmCustomersQuery, ListInteractionsQuery, ListMergesQuery, ListTasksQuery, ListWishlistQuery, LogInteractionBody, MergeCustomersBody, RemoveWishlistItemQuery, StoreProfileBody, UpcomingQuery } from "../utils/crm"

export const crmRoutes: MiddlewareRoute[] = [
  {
    matcher: "/store/customers/me/profile",
    methods: ["GET", "POST"],
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  {
    matcher: "/store/customers/me/profile",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(StoreProfileBody)],
  },
  {
    matcher: "/store/customers/me/wishlist",
    methods: ["GET", "POST", "DELETE"],
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  { matcher: "/store/customers/me/wishlist", methods: ["GET"], middlewares: [validateAndTransformQuery(ListWishlistQuery, {})] },
  { matcher: "/store/customers/me/wishlist", methods: ["POST"], middlewares: [validateAndTransformBody(AddWishlistItemBody)] },
  {
    matcher: "/store/customers/me/wishlist",
    methods: ["DELETE"],
    middlewares: [validateAndTransformQuery(RemoveWishlistItemQuery, {})],
  },
  {
    matcher: "/admin/crm/customers/duplicates",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(DuplicatesQuery, {})],
  },
  { matcher: "/admin/crm/customers/merge", methods: ["POST"], middlewares: [validateAndTransformBody(MergeCustomersBody)] },
  { matcher: "/admin/crm/merges", methods: ["GET"], middlewares: [validateAndTransformQuery(ListMergesQuery, {})] },
  {
    matcher: "/admin/crm/customers/:id/interactions",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(ListInteractionsQuery, {})],
  },
  {
    matcher: "/admin/crm/customers/:id/interactions",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(LogInteractionBody)],
  },
  { matcher: "/admin/crm/tasks", methods: ["GET"], middlewares: [validateAndTransformQuery(ListTasksQuery, {})] },
  {
    matcher: "/admin/crm/tasks/:id/complete",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(CompleteTaskBody)],
  },
  { matcher: "/admin/crm/upcoming", methods: ["GET"], middlewares: [validateAndTransformQuery(UpcomingQuery, {})] },
  {
    matcher: "/admin/crm/customers",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(ListCrmCustomersQuery, {})],
  },
  {
    matcher: "/admin/crm/customers",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(CreateCrmCustomerBody)],
  },
]
