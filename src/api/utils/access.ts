import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { isAllowed, ruleFor, STAFF_ROLES, type StaffRole } from "../../lib/access-matrix"
import { ACCESS_MODULE } from "../../modules/access"
import type AccessModuleService from "../../modules/access/service"
import type { ResolvedAccess } from "../../modules/access/service"

type RequestWithAccess = MedusaRequest & { staffAccess?: ResolvedAccess; auth_context?: AuthenticatedMedusaRequest["auth_context"] }

/** ACCESS_DEFAULT_ROLE: the role of staff users nobody has given one yet (default sales_staff). */
export function defaultRole(): StaffRole {
  const configured = process.env.ACCESS_DEFAULT_ROLE as StaffRole | undefined
  return configured && STAFF_ROLES.includes(configured) ? configured : "sales_staff"
}

/** The signed-in staff user's role and branches, resolved once per request. */
export async function staffAccess(req: MedusaRequest): Promise<ResolvedAccess> {
  const r = req as RequestWithAccess
  if (!r.staffAccess) {
    const actor = r.auth_context
    if (!actor?.actor_id) {
      throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Sign in first.")
    }
    // A secret API key is made by someone who may open settings: it acts for the shop.
    r.staffAccess =
      actor.actor_type === "api-key"
        ? { role: "owner", branch_ids: [], branch_scoped: false, assigned: true }
        : await req.scope.resolve<AccessModuleService>(ACCESS_MODULE).resolveAccess(actor.actor_id, defaultRole())
  }
  return r.staffAccess
}

/**
 * The branches a list must be limited to: the user's branches for branch
 * managers and sales staff, `null` (all) for the others.
 */
export async function branchScope(req: MedusaRequest): Promise<string[] | null> {
  const access = await staffAccess(req)
  return access.branch_scoped ? access.branch_ids : null
}

export type BranchScopeIds = { branches: string[]; channels: string[]; locations: string[] }

/**
 * The branches of a branch-scoped user with their sales channels and stock
 * locations (what orders and stock belong to), read once per request;
 * `null` for staff who see the whole shop.
 */
export async function branchScopeIds(req: MedusaRequest): Promise<BranchScopeIds | null> {
  const branches = await branchScope(req)
  if (!branches) {
    return null
  }
  const r = req as MedusaRequest & { branchScopeIds?: BranchScopeIds }
  if (!r.branchScopeIds) {
    const { data } = branches.length
      ? await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
          entity: "branch",
          fields: ["id", "sales_channel.id", "stock_location.id"],
          filters: { id: branches },
        })
      : { data: [] }
    const rows = data as unknown as { sales_channel?: { id: string } | null; stock_location?: { id: string } | null }[]
    r.branchScopeIds = {
      branches,
      channels: rows.map((b) => b.sales_channel?.id).filter((id): id is string => !!id),
      locations: rows.map((b) => b.stock_location?.id).filter((id): id is string => !!id),
    }
  }
  return r.branchScopeIds
}

/** Narrows a requested branch filter to the user's branches (an empty list matches nothing). */
export async function scopedBranchIds(req: MedusaRequest, requested?: string | string[]): Promise<string[] | undefined> {
  const scope = await branchScope(req)
  const asked = requested === undefined ? undefined : Array.isArray(requested) ? requested : [requested]
  if (!scope) {
    return asked
  }
  return asked ? asked.filter((id) => scope.includes(id)) : scope
}

/**
 * Branch managers and sales staff act at their own branches only: refuses
 * (400, with what to do) a thing of another branch or of the whole shop.
 */
export async function assertOwnBranch(req: MedusaRequest, branchId: string | null | undefined, what: string) {
  const scope = await branchScope(req)
  if (scope && (!branchId || !scope.includes(branchId))) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      branchId ? `${what} belongs to another branch; you act at your own branches only` : `${what} is for the whole shop; ask the owner`
    )
  }
}

/**
 * Every /admin request: the route's resource and action (src/lib/access-matrix.ts)
 * against the user's role. Runs after Medusa's authentication.
 */
export async function authorizeStaff(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (req.method === "OPTIONS" || !(req as RequestWithAccess).auth_context?.actor_id) {
    // Preflights, and routes that opted out of authentication (Medusa answers 401 for the rest).
    return next()
  }
  const path = `${req.baseUrl ?? ""}${req.path}`
  const rule = ruleFor(req.method, path)
  const access = await staffAccess(req)
  if (!isAllowed(access.role, rule.resource, rule.action)) {
    const who = `A ${access.role.replace("_", " ")}`
    res.status(403).json({
      type: "not_allowed",
      message:
        rule.resource === "unlisted"
          ? `${req.method} ${rule.path} is not a route the permission matrix names, so only the owner may use it.`
          : `${who} may not ${rule.action} ${rule.resource.replace("_", " ")} (${req.method} ${rule.path}). Ask the shop owner for a role that allows it.`,
    })
    return
  }
  next()
}

/**
 * Limits Medusa's order and draft-order lists, stock locations, stock levels
 * and reservations to the user's branches, by narrowing the list's filters.
 */
export function scopeCoreList(kind: "orders" | "stock_locations" | "location_levels" | "reservations") {
  return async function scopeList(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
    const own = await branchScopeIds(req)
    if (!own) {
      return next()
    }
    // Medusa's own validator for these routes runs before this middleware: narrow the filters it produced
    // (or the raw query, should it ever run after).
    const query = (req.filterableFields ?? req.query) as Record<string, unknown>
    const ids = kind === "orders" ? own.channels : own.locations
    const key = kind === "orders" ? "sales_channel_id" : kind === "stock_locations" ? "id" : "location_id"
    const requested = query[key]
    const asked = requested === undefined ? undefined : ([] as unknown[]).concat(requested).map(String)
    const allowed = asked ? asked.filter((id) => ids.includes(id)) : ids
    // None of their branches matches: a filter nothing satisfies, rather than no filter.
    query[key] = allowed.length ? allowed : ["none"]
    next()
  }
}

/** Branch-scoped staff change stock levels only at their branches' stock locations. */
export async function scopeStockWrite(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const scope = await branchScopeIds(req)
  if (!scope) {
    return next()
  }
  const body = (req.body ?? {}) as { location_id?: unknown; create?: { location_id?: unknown }[]; update?: { location_id?: unknown }[]; delete?: unknown[] }
  const asked = [
    req.params.location_id === "batch" ? undefined : req.params.location_id,
    body.location_id,
    ...(Array.isArray(body.create) ? body.create.map((l) => l?.location_id) : []),
    ...(Array.isArray(body.update) ? body.update.map((l) => l?.location_id) : []),
  ].filter((id): id is string => typeof id === "string")
  const own = scope.locations
  const foreign = asked.filter((id) => !own.includes(id))
  if (foreign.length || Array.isArray(body.delete)) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "That stock is at another branch; you change stock at your own branches only")
  }
  next()
}
