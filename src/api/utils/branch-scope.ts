import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { plainPath } from "../../lib/request-path"
import { branchScope, branchScopeIds, type BranchScopeIds as Scope } from "./access"

/**
 * Branch scoping of the records a route names by id, Medusa's and ours
 * (docs/security.md, "Branch scoping"). Branch managers and sales staff
 * reach a branch-owned record only when it belongs to one of their
 * branches; any other is "not found", as if it did not exist. Reads
 * straight from the tables: one indexed query per request.
 */

/** Where a record belongs: a sales channel (orders), a stock location, a branch or either of two (a transfer's ends); "shop" for the whole shop. */
type Owner = { channel?: string | null; location?: string | null; branch?: string | null; branches?: string[]; assignee?: string | null } | "shop"

type Lookup = (db: Knex, id: string) => Promise<Owner | undefined>

const ORDER_CHANNEL = (db: Knex, orderId: Knex.QueryBuilder | string) =>
  db("order").select("sales_channel_id as channel").where("id", orderId as string).first()

const byOrder: Lookup = async (db, id) => ORDER_CHANNEL(db, id)
const byOrderOf =
  (table: string): Lookup =>
  async (db, id) => {
    const row = await db(table).select("order_id").where("id", id).first()
    return row ? ORDER_CHANNEL(db, row.order_id) : undefined
  }
const byPaymentCollection = async (db: Knex, collectionId: string): Promise<Owner | undefined> => {
  const link = await db("order_payment_collection").select("order_id").where("payment_collection_id", collectionId).whereNull("deleted_at").first()
  return link ? ORDER_CHANNEL(db, link.order_id) : undefined
}
const byBranchColumn =
  (table: string): Lookup =>
  async (db, id) => {
    const row = await db(table).select("branch_id").where("id", id).first()
    return row ? (row.branch_id ? { branch: row.branch_id } : "shop") : undefined
  }

/**
 * The records routes name by their first parameter: `/admin/<area>/:id` and
 * everything below it. A record not found is not found for branch-scoped
 * staff too (404 here, so nothing of an unreadable record ever passes).
 * `writesOnly`: reading it is open to every role that may read the area.
 * `routes`: the area's own routes whose first segment is not an id.
 */
const OWNED: { area: string; lookup: Lookup; writesOnly?: boolean; routes?: string[] }[] = [
  { area: "/admin/orders", lookup: byOrder, routes: ["export"] },
  { area: "/admin/draft-orders", lookup: byOrder },
  { area: "/admin/order-edits", lookup: byOrder },
  { area: "/admin/order-changes", lookup: byOrderOf("order_change") },
  { area: "/admin/returns", lookup: byOrderOf("return") },
  { area: "/admin/claims", lookup: byOrderOf("order_claim") },
  { area: "/admin/exchanges", lookup: byOrderOf("order_exchange") },
  {
    area: "/admin/fulfillments",
    lookup: async (db, id) => {
      const row = await db("fulfillment").select("location_id as location").where("id", id).first()
      return row ?? undefined
    },
  },
  {
    area: "/admin/payments",
    routes: ["payment-providers", "reconciliation", "links"],
    lookup: async (db, id) => {
      const row = await db("payment").select("payment_collection_id").where("id", id).first()
      return row ? byPaymentCollection(db, row.payment_collection_id) : undefined
    },
  },
  { area: "/admin/payment-collections", lookup: byPaymentCollection },
  {
    area: "/admin/reservations",
    lookup: async (db, id) => {
      const row = await db("reservation_item").select("location_id as location").where("id", id).first()
      return row ?? undefined
    },
  },
  {
    area: "/admin/stock-locations",
    lookup: async (db, id) => ((await db("stock_location").select("id").where("id", id).first()) ? { location: id } : undefined),
  },
  { area: "/admin/tax-documents", lookup: byBranchColumn("tax_document") },
  { area: "/admin/pos/orders", lookup: byBranchColumn("pos_sale") },
  { area: "/admin/pos/approvals", lookup: byBranchColumn("pos_approval") },
  { area: "/admin/pos/estimates", lookup: byBranchColumn("pos_estimate") },
  { area: "/admin/old-gold/vouchers", lookup: byBranchColumn("old_gold_voucher") },
  { area: "/admin/stock-audits", lookup: byBranchColumn("stock_audit") },
  { area: "/admin/approval-memos", lookup: byBranchColumn("approval_memo") },
  { area: "/admin/job-cards", lookup: byBranchColumn("job_card") },
  { area: "/admin/karigar-issues", lookup: byBranchColumn("karigar_issue") },
  {
    // A transfer is both its sender's and its receiver's.
    area: "/admin/stock-transfers",
    lookup: async (db, id) => {
      const row = await db("stock_transfer").select("from_branch_id", "to_branch_id").where("id", id).whereNull("deleted_at").first()
      return row ? { branches: [row.from_branch_id, row.to_branch_id] } : undefined
    },
  },
  { area: "/admin/schemes/enrolments", lookup: byBranchColumn("scheme_enrolment") },
  { area: "/admin/offers/campaigns", lookup: byBranchColumn("offer_campaign"), writesOnly: true },
  {
    // A follow-up task is its branch's, and its assignee's wherever they work.
    area: "/admin/crm/tasks",
    lookup: async (db, id) => {
      const row = await db("follow_up_task").select("branch_id as branch", "assignee_user_id as assignee").where("id", id).first()
      return row ?? undefined
    },
  },
]

/** Routes that act on the whole shop at once: refused to branch-scoped staff. */
const SHOP_WIDE: { method: string; path: string; what: string }[] = [
  { method: "POST", path: "/admin/orders/export", what: "An export of every order" },
  { method: "POST", path: "/admin/offers/facts/refresh", what: "Refreshing every customer's facts" },
]

function isOurs(owner: Owner, scope: Scope, userId?: string): boolean {
  if (owner === "shop") {
    return false
  }
  if (owner.assignee && owner.assignee === userId) {
    return true
  }
  if (owner.channel !== undefined) {
    return !!owner.channel && scope.channels.includes(owner.channel)
  }
  if (owner.location !== undefined) {
    return !!owner.location && scope.locations.includes(owner.location)
  }
  if (owner.branches) {
    return owner.branches.some((b) => scope.branches.includes(b))
  }
  return !!owner.branch && scope.branches.includes(owner.branch)
}

/**
 * Every /admin request of branch-scoped staff that names a branch-owned
 * record by id: 404 unless the record is at one of their branches; a
 * shop-wide action: refused with what to do.
 */
export async function scopeOwnedRecord(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  if (req.method === "OPTIONS" || !(req as MedusaRequest & { auth_context?: { actor_id?: string } }).auth_context?.actor_id) {
    // Preflights, and routes that opted out of authentication.
    return next()
  }
  const branches = await branchScope(req)
  if (!branches) {
    return next()
  }
  const path = plainPath(req.originalUrl ?? req.url)
  const lower = path.toLowerCase()
  const shopWide = SHOP_WIDE.find((s) => s.method === req.method && s.path === lower)
  if (shopWide) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `${shopWide.what} covers the whole shop; ask the owner`)
  }
  const reading = req.method === "GET" || req.method === "HEAD"
  for (const owned of OWNED) {
    if (!lower.startsWith(`${owned.area}/`) || (owned.writesOnly && reading)) {
      continue
    }
    const id = decodeURIComponent(path.slice(owned.area.length + 1).split("/")[0])
    if (!id || owned.routes?.includes(id.toLowerCase())) {
      // The area's list (a trailing slash) or one of its own routes.
      break
    }
    const owner = await owned.lookup(req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION), id)
    const userId = (req as MedusaRequest & { auth_context?: { actor_id?: string } }).auth_context?.actor_id
    if (!owner) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `"${id}" was not found`)
    }
    if (!isOurs(owner, (await branchScopeIds(req))!, userId)) {
      if (owner === "shop" && !reading) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `"${id}" is for the whole shop; ask the owner`)
      }
      // Records every role may read (campaigns) are refused, not hidden.
      throw owned.writesOnly
        ? new MedusaError(MedusaError.Types.NOT_ALLOWED, `"${id}" belongs to another branch; you act at your own branches only`)
        : new MedusaError(MedusaError.Types.NOT_FOUND, `"${id}" was not found at your branches`)
    }
    break
  }
  next()
}

/**
 * Creating a branch-owned record on Medusa's routes (a return, claim or
 * exchange of an order, an order edit, a draft order, a reservation) by
 * branch-scoped staff: the order, sales channel or location in the body
 * must be one of theirs.
 */
export async function scopeCreatedRecord(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const scope = await branchScopeIds(req)
  if (!scope) {
    return next()
  }
  const body = (req.body ?? {}) as { order_id?: unknown; sales_channel_id?: unknown; location_id?: unknown }
  const db = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const refuse = (what: string) => {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `${what} belongs to another branch; you act at your own branches only`)
  }
  if (typeof body.order_id === "string") {
    const owner = await byOrder(db, body.order_id)
    if (owner && !isOurs(owner, scope)) {
      refuse(`Order "${body.order_id}"`)
    }
  }
  if (typeof body.sales_channel_id === "string" && !scope.channels.includes(body.sales_channel_id)) {
    refuse(`Sales channel "${body.sales_channel_id}"`)
  }
  if (typeof body.location_id === "string" && !scope.locations.includes(body.location_id)) {
    refuse(`Stock location "${body.location_id}"`)
  }
  next()
}

/**
 * Lists of returns, claims and exchanges for branch-scoped staff: per order
 * of their branches (`?order_id=`), since a list across orders would show
 * other branches' ones.
 */
export async function scopeOrderFamilyList(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const scope = await branchScopeIds(req)
  if (!scope) {
    return next()
  }
  const query = (req.filterableFields ?? req.query) as Record<string, unknown>
  const asked = query.order_id === undefined ? [] : ([] as unknown[]).concat(query.order_id).map(String)
  if (!asked.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Give order_id: branch staff list these for an order of their branches")
  }
  const db = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const rows: { id: string; channel: string | null }[] = await db("order").select("id", "sales_channel_id as channel").whereIn("id", asked)
  const own = rows.filter((r) => !!r.channel && scope.channels.includes(r.channel)).map((r) => r.id)
  query.order_id = own.length ? own : ["none"]
  next()
}

/**
 * Branch-scoped staff set branch-level things for their own branches only:
 * a metal rate (`rates[].branch_id`) or an offer campaign (`branch_id`)
 * without a branch is the whole shop's, and is left to the owner.
 */
export async function scopeBodyBranches(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const scope = await branchScope(req)
  if (!scope) {
    return next()
  }
  const body = (req.body ?? {}) as { branch_id?: unknown; rates?: unknown }
  const asked = Array.isArray(body.rates) ? body.rates.map((r) => (r as { branch_id?: unknown } | null)?.branch_id) : [body.branch_id]
  for (const branchId of asked) {
    if (branchId === undefined || branchId === null) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Without a branch_id this is for the whole shop; ask the owner, or give one of your branches")
    }
    if (typeof branchId === "string" && !scope.includes(branchId)) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Branch "${branchId}" is not one of yours; you act at your own branches only`)
    }
  }
  next()
}

/** Whether an order is at one of the user's branches (always, for staff who are not branch-scoped). */
export async function isOwnOrder(req: MedusaRequest, orderId: string): Promise<boolean> {
  const scope = await branchScopeIds(req)
  if (!scope) {
    return true
  }
  const owner = await byOrder(req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION), orderId)
  return !!owner && isOurs(owner, scope)
}
