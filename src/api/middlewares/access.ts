import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../validation"
import { AssignStaffBody, authorizeStaff, ListStaffQuery, scopeCoreList, scopeOrderDetail, scopeStockWrite } from "../utils/access"

export const accessRoutes: MiddlewareRoute[] = [
  // Every admin request, ours and Medusa's: role against the permission matrix.
  { matcher: "/admin*", middlewares: [authorizeStaff] },
  { matcher: "/admin/orders", methods: ["GET"], middlewares: [scopeCoreList("orders")] },
  { matcher: "/admin/orders/:id", methods: ["GET"], middlewares: [scopeOrderDetail] },
  { matcher: "/admin/stock-locations", methods: ["GET"], middlewares: [scopeCoreList("stock_locations")] },
  { matcher: "/admin/inventory-items/:id/location-levels", methods: ["GET"], middlewares: [scopeCoreList("location_levels")] },
  // Stock changes by branch-scoped staff: only at their branches' locations.
  { matcher: "/admin/inventory-items/:id/location-levels", methods: ["POST"], middlewares: [scopeStockWrite] },
  { matcher: "/admin/inventory-items/:id/location-levels/batch", methods: ["POST"], middlewares: [scopeStockWrite] },
  { matcher: "/admin/inventory-items/:id/location-levels/:location_id", methods: ["POST", "DELETE"], middlewares: [scopeStockWrite] },
  { matcher: "/admin/inventory-items/location-levels/batch", methods: ["POST"], middlewares: [scopeStockWrite] },
  { matcher: "/admin/staff", methods: ["GET"], middlewares: [validateQuery(ListStaffQuery, {})] },
  { matcher: "/admin/staff/:id", methods: ["POST"], middlewares: [validateBody(AssignStaffBody)] },
]
