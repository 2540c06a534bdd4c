import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, FeatureFlag, MedusaError, Modules } from "@medusajs/framework/utils"
import { isUnder, matchesRoute, plainPath } from "../../lib/request-path"

/**
 * Where Medusa 2.21's own routes answer an unknown id with a 500, or never
 * answer at all, a clear 4xx first (found by the route-spelling test in
 * integration-tests/http/access-matrix.suite.ts).
 */

type Gap = {
  method: string
  pattern: string
  /** Why the request cannot be served, or null to let it through. */
  check: (req: MedusaRequest, params: string[]) => Promise<string | null>
}

const exists = async (req: MedusaRequest, table: string, where: Record<string, string>) =>
  !!(await req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION)(table).select("id").where(where).whereNull("deleted_at").first())

const GAPS: Gap[] = [
  {
    // Medusa's own check sets a 404 status and never sends it: the request hangs.
    method: "*",
    pattern: "/admin/index/*",
    check: async (req) =>
      req.scope.resolve(Modules.INDEX, { allowUnregistered: true }) && FeatureFlag.isFeatureEnabled("index_engine")
        ? null
        : "Medusa's index module is not set up on this shop",
  },
  {
    method: "*",
    pattern: "/admin/rbac/*",
    check: async () => (FeatureFlag.isFeatureEnabled("rbac") ? null : "Medusa's RBAC is not switched on; staff roles are at /admin/staff"),
  },
  {
    method: "*",
    pattern: "/admin/users/:id/roles",
    check: async () => (FeatureFlag.isFeatureEnabled("rbac") ? null : "Medusa's RBAC is not switched on; staff roles are at /admin/staff"),
  },
  {
    method: "GET",
    pattern: "/admin/fulfillment-providers/:id/options",
    check: async (req, [id]) => ((await exists(req, "fulfillment_provider", { id })) ? null : `Fulfillment provider "${id}" was not found`),
  },
  {
    method: "DELETE",
    pattern: "/store/carts/:id/line-items/:line_id",
    check: async (req, [cartId, lineId]) =>
      (await exists(req, "cart_line_item", { id: lineId, cart_id: cartId })) ? null : `Line item "${lineId}" was not found in cart "${cartId}"`,
  },
  ...["claims", "exchanges"].map((area) => ({
    method: "DELETE",
    pattern: `/admin/${area}/:id/inbound/items/:action_id`,
    check: async (req: MedusaRequest, [, actionId]: string[]) =>
      (await exists(req, "order_change_action", { id: actionId })) ? null : `Item "${actionId}" was not found on this return`,
  })),
]

function paramsOf(pattern: string, path: string): string[] {
  const segments = plainPath(path).split("/").filter(Boolean)
  return pattern
    .split("/")
    .filter(Boolean)
    .flatMap((segment, i) => (segment.startsWith(":") ? [decodeURIComponent(segments[i] ?? "")] : []))
}

/** Before Medusa's own middlewares: a request one of Medusa's routes cannot serve gets a 404 that says why. */
export async function refuseMedusaRouteGaps(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const path = req.originalUrl ?? req.url
  for (const gap of GAPS) {
    if (gap.method !== "*" && gap.method !== req.method) {
      continue
    }
    const hit = gap.pattern.endsWith("/*") ? isUnder(gap.pattern.slice(0, -2), path) : matchesRoute(gap.pattern, path)
    if (!hit) {
      continue
    }
    const why = await gap.check(req, paramsOf(gap.pattern, path))
    if (why) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, why)
    }
  }
  next()
}
