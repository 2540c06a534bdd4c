import { type MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { AssignStaffBody, authorizeStaff, ListStaffQuery, scopeCoreList, scopeOrderDetail } from "../utils/access"

export const accessRoutes: MiddlewareRoute[] = [
  // Every admin request, ours and Medusa's: role against the permission matrix.
  { matcher: "/admin*", middlewares: [authorizeStaff] },
  { matcher: "/admin/orders", methods: ["GET"], middlewares: [scopeCoreList("orders")] },
  { matcher: "/admin/orders/:id", methods: ["GET"], middlewares: [scopeOrderDetail] },
  { matcher: "/admin/stock-locations", methods: ["GET"], middlewares: [scopeCoreList("stock_locations")] },
  { matcher: "/admin/inventory-items/:id/location-levels", methods: ["GET"], middlewares: [scopeCoreList("location_levels")] },
  { matcher: "/admin/staff", methods: ["GET"], middlewares: [validateAndTransformQuery(ListStaffQuery, {})] },
  { matcher: "/admin/staff/:id", methods: ["POST"], middlewares: [validateAndTransformBody(AssignStaffBody)] },
]
