import type { MiddlewareRoute } from "@medusajs/framework/http"
import { authorizeStaff, scopeCoreList, scopeStockWrite } from "./access"
import { guardPriceOverrides } from "./price-overrides"
import { guardPieceInventoryLinks, guardPieceStockLevels } from "./piece-stock-guard"
import { scopeBodyBranches, scopeCreatedRecord, scopeOrderFamilyList, scopeOwnedRecord } from "./branch-scope"

/** Medusa's areas whose changes name an order, a sales channel or a stock location in the body. */
const ORDER_FAMILY = ["/admin/orders", "/admin/draft-orders", "/admin/order-edits", "/admin/returns", "/admin/claims", "/admin/exchanges", "/admin/reservations", "/admin/fulfillments"]

/**
 * Role and branch checks of every admin request, ours and Medusa's
 * (docs/security.md, "Staff roles and branches"): the permission matrix
 * (src/lib/access-matrix.ts), then the branch of the record, list or body.
 */
export const accessRoutesMiddlewares: MiddlewareRoute[] = [
  // Every admin request, ours and Medusa's: role against the permission matrix, prices set by hand on
  // Medusa's order routes (src/lib/price-overrides.ts), then the record's branch.
  { matcher: "/admin*", middlewares: [authorizeStaff, guardPriceOverrides, scopeOwnedRecord] },
  { matcher: "/admin/orders", methods: ["GET"], middlewares: [scopeCoreList("orders")] },
  { matcher: "/admin/draft-orders", methods: ["GET"], middlewares: [scopeCoreList("orders")] },
  { matcher: "/admin/reservations", methods: ["GET"], middlewares: [scopeCoreList("reservations")] },
  ...["/admin/returns", "/admin/claims", "/admin/exchanges"].map((matcher) => ({ matcher, methods: ["GET" as const], middlewares: [scopeOrderFamilyList] })),
  ...ORDER_FAMILY.map((area) => ({ matcher: `${area}*`, methods: ["POST" as const], middlewares: [scopeCreatedRecord] })),
  { matcher: "/admin/payments/links", methods: ["POST"], middlewares: [scopeCreatedRecord] },
  { matcher: "/admin/metal-rates", methods: ["POST"], middlewares: [scopeBodyBranches] },
  { matcher: "/admin/offers/campaigns", methods: ["POST"], middlewares: [scopeBodyBranches] },
  { matcher: "/admin/stock-locations", methods: ["GET"], middlewares: [scopeCoreList("stock_locations")] },
  { matcher: "/admin/inventory-items/:id/location-levels", methods: ["GET"], middlewares: [scopeCoreList("location_levels")] },
  // Stock changes by branch-scoped staff: only at their branches' locations; a piece's stock is never raised
  // there (src/lib/piece-stock.ts).
  { matcher: "/admin/inventory-items/:id/location-levels", methods: ["POST"], middlewares: [scopeStockWrite, guardPieceStockLevels] },
  { matcher: "/admin/inventory-items/:id/location-levels/batch", methods: ["POST"], middlewares: [scopeStockWrite, guardPieceStockLevels] },
  { matcher: "/admin/inventory-items/:id/location-levels/:location_id", methods: ["POST"], middlewares: [scopeStockWrite, guardPieceStockLevels] },
  { matcher: "/admin/inventory-items/:id/location-levels/:location_id", methods: ["DELETE"], middlewares: [scopeStockWrite] },
  { matcher: "/admin/inventory-items/location-levels/batch", methods: ["POST"], middlewares: [scopeStockWrite, guardPieceStockLevels] },
  // A piece has one inventory item, needed once.
  { matcher: "/admin/products/:id/variants/inventory-items/batch", methods: ["POST"], middlewares: [guardPieceInventoryLinks] },
  { matcher: "/admin/products/:id/variants/:variant_id/inventory-items*", methods: ["POST", "DELETE"], middlewares: [guardPieceInventoryLinks] },
]
