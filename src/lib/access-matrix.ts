/**
 * Who may do what: the one place where staff roles, their permissions and the
 * admin routes' resources are written down. The access middleware, the
 * access-matrix tests and the permission table in docs/security.md all read
 * this file, so a new admin route without a line here fails the tests.
 */

import { plainPath } from "./request-path"

export const STAFF_ROLES = ["owner", "branch_manager", "sales_staff", "accountant", "auditor"] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

export const ROLE_LABELS: Record<StaffRole, string> = {
  owner: "Owner",
  branch_manager: "Branch manager",
  sales_staff: "Sales staff",
  accountant: "Accountant",
  auditor: "Auditor (read-only)",
}

/** Roles that work inside their branches: lists of orders, stock, tasks and interactions show only those. */
export const BRANCH_SCOPED_ROLES: readonly StaffRole[] = ["branch_manager", "sales_staff"]

export const RESOURCES = {
  customers: "Customers, profiles, interactions, follow-up tasks, wishlists",
  customer_merges: "Merging duplicate customers",
  pii: "Unmasked PAN of a customer",
  orders: "Orders (Medusa's order screens)",
  pos: "Counter sales, approval memos, repairs and custom orders, discount approvals and limits",
  old_gold: "Old gold bought at the counter: valuations, purchase vouchers, old-metal stock",
  schemes: "Gold savings schemes: templates, enrolments, instalments",
  loyalty: "Loyalty accounts and points",
  loyalty_program: "Loyalty programme rules",
  catalog: "Products, jewellery attributes, prices, images, certificates",
  metal_rates: "Metal rates",
  stock: "Stock, transfers, adjustments, stock locations, stock audits, karigars and their job work",
  offers: "Segments, offer campaigns, Medusa promotions",
  messaging: "Messages and templates",
  payments: "Payments, refunds, payment links",
  invoices: "Tax invoices and credit notes",
  reports: "Sales reports and exports, reconciliation, loyalty liability, ledger checks",
  preferences: "The preference model: its trained versions and their evaluation, rolling back, new-arrivals call lists",
  audit: "Audit trail",
  backups: "Database backups (every customer's data, encrypted)",
  staff: "Staff users, roles and branches",
  branches: "Branches",
  settings: "Store settings (regions, taxes, channels, API keys, …)",
  invites: "Staff invitations (they carry the sign-up token)",
  unlisted: "Admin routes no line of the matrix names",
} as const
export type Resource = keyof typeof RESOURCES

/**
 * read: see; write: create or change; the rest are the named operations of their resource.
 * price: set a price or an amount by hand on Medusa's order screens (order edits, draft orders, exchanges,
 * claims, returns), decided on the request's body rather than its route (src/lib/price-overrides.ts).
 * approve: decide a seller's request for counter discounts beyond their limits (src/lib/price-controls.ts);
 * on stock, post a stock audit's adjustments or cancel the audit.
 * count: open a stock audit, scan tags into it and close it (the count itself, which changes no stock).
 */
export const ACTIONS = ["read", "write", "redeem", "adjust", "run", "reveal", "sell", "buy", "price", "approve", "count"] as const
export type Action = (typeof ACTIONS)[number]

type Grants = Partial<Record<Resource, readonly Action[]>>

/** Resources only the owner may touch, whatever the role's other grants. */
const OWNER_ONLY: readonly Resource[] = ["pii", "invites", "backups", "unlisted"]

const READ_EVERYTHING: Grants = Object.fromEntries(
  (Object.keys(RESOURCES) as Resource[]).filter((r) => !OWNER_ONLY.includes(r)).map((r) => [r, ["read"]])
)

/** role → resource → allowed actions. The owner may do everything. */
export const PERMISSIONS: Record<Exclude<StaffRole, "owner">, Grants> = {
  branch_manager: {
    ...READ_EVERYTHING,
    customers: ["read", "write"],
    customer_merges: ["read", "write"],
    pii: ["reveal"],
    orders: ["read", "write", "price"],
    pos: ["read", "sell", "approve"],
    old_gold: ["read", "buy", "write"],
    schemes: ["read", "write", "sell"],
    loyalty: ["read", "redeem", "adjust"],
    catalog: ["read", "write"],
    metal_rates: ["read", "write"],
    stock: ["read", "write", "count", "approve"],
    offers: ["read", "write", "run"],
    messaging: ["read", "write"],
    payments: ["read", "write"],
    invoices: ["read", "write"],
    preferences: ["read", "run"],
  },
  sales_staff: {
    customers: ["read", "write"],
    orders: ["read", "write"],
    pos: ["read", "sell"],
    old_gold: ["read", "buy"],
    schemes: ["read", "sell"],
    loyalty: ["read", "redeem"],
    loyalty_program: ["read"],
    catalog: ["read"],
    metal_rates: ["read"],
    stock: ["read", "count"],
    offers: ["read"],
    messaging: ["read"],
    invoices: ["read"],
    branches: ["read"],
    staff: ["read"],
    settings: ["read"],
  },
  accountant: {
    ...READ_EVERYTHING,
    pii: ["reveal"],
    payments: ["read", "write"],
    invoices: ["read", "write"],
  },
  auditor: READ_EVERYTHING,
}

export function isAllowed(role: StaffRole, resource: Resource, action: Action): boolean {
  if (role === "owner") {
    return true
  }
  return PERMISSIONS[role][resource]?.includes(action) ?? false
}

export type RouteRule = { method: string; path: string; resource: Resource; action: Action }

type Line = [method: string, path: string, resource: Resource, action: Action]

/** Every jewel-crm admin route. Paths use Medusa's `:param` form. */
const OUR_ROUTES: Line[] = [
  ["GET", "/admin/branches", "branches", "read"],
  ["GET", "/admin/branches/:id", "branches", "read"],

  ["GET", "/admin/crm/customers", "customers", "read"],
  ["POST", "/admin/crm/customers", "customers", "write"],
  ["GET", "/admin/crm/customers/duplicates", "customers", "read"],
  ["POST", "/admin/crm/customers/merge", "customer_merges", "write"],
  ["GET", "/admin/crm/merges", "customer_merges", "read"],
  ["GET", "/admin/crm/customers/:id/360", "customers", "read"],
  ["GET", "/admin/crm/customers/:id/interactions", "customers", "read"],
  ["POST", "/admin/crm/customers/:id/interactions", "customers", "write"],
  ["GET", "/admin/crm/customers/:id/profile", "customers", "read"],
  ["GET", "/admin/crm/customers/:id/pan", "pii", "reveal"],
  ["GET", "/admin/crm/tasks", "customers", "read"],
  ["POST", "/admin/crm/tasks/:id/complete", "customers", "write"],
  ["GET", "/admin/crm/upcoming", "customers", "read"],

  ["POST", "/admin/jewelry/images", "catalog", "write"],
  ["POST", "/admin/jewelry/import", "catalog", "write"],
  ["POST", "/admin/jewelry/labels", "stock", "read"],
  ["POST", "/admin/jewelry/products", "catalog", "write"],
  ["GET", "/admin/jewelry/reprice-jobs", "catalog", "read"],
  ["POST", "/admin/jewelry/reprice-jobs", "catalog", "write"],
  ["GET", "/admin/jewelry/reprice-jobs/:id", "catalog", "read"],
  ["GET", "/admin/jewelry/tags/:code", "stock", "read"],
  ["POST", "/admin/jewelry/tags/:code/split", "catalog", "write"],
  ["GET", "/admin/jewelry/variants/:id/attributes", "catalog", "read"],
  ["POST", "/admin/jewelry/variants/:id/attributes", "catalog", "write"],
  ["GET", "/admin/jewelry/variants/:id/certificate", "catalog", "read"],
  ["POST", "/admin/jewelry/variants/:id/certificate", "catalog", "write"],

  ["GET", "/admin/loyalty/customers/:id", "loyalty", "read"],
  ["POST", "/admin/loyalty/customers/:id/adjust", "loyalty", "adjust"],
  ["POST", "/admin/loyalty/customers/:id/redeem", "loyalty", "redeem"],
  ["GET", "/admin/loyalty/ledger", "loyalty", "read"],
  ["GET", "/admin/loyalty/liability", "reports", "read"],
  ["GET", "/admin/loyalty/program", "loyalty_program", "read"],
  ["POST", "/admin/loyalty/program", "loyalty_program", "write"],
  ["GET", "/admin/loyalty/verify", "reports", "read"],

  ["GET", "/admin/messages", "messaging", "read"],
  ["POST", "/admin/messages/:id/resend", "messaging", "write"],
  ["GET", "/admin/messages/templates", "messaging", "read"],
  ["POST", "/admin/messages/templates", "messaging", "write"],
  ["POST", "/admin/messages/templates/preview", "messaging", "read"],

  ["GET", "/admin/metal-rates", "metal_rates", "read"],
  ["POST", "/admin/metal-rates", "metal_rates", "write"],
  ["GET", "/admin/metal-rates/history", "metal_rates", "read"],

  ["GET", "/admin/offers/automatic", "offers", "read"],
  ["GET", "/admin/offers/campaigns", "offers", "read"],
  ["POST", "/admin/offers/campaigns", "offers", "write"],
  ["GET", "/admin/offers/campaigns/:id", "offers", "read"],
  ["POST", "/admin/offers/campaigns/:id", "offers", "write"],
  ["POST", "/admin/offers/campaigns/:id/cancel", "offers", "run"],
  ["GET", "/admin/offers/campaigns/:id/offers", "offers", "read"],
  ["GET", "/admin/offers/campaigns/:id/report", "offers", "read"],
  ["POST", "/admin/offers/campaigns/:id/run", "offers", "run"],
  ["POST", "/admin/offers/facts/refresh", "offers", "run"],
  ["GET", "/admin/offers/offers", "offers", "read"],
  ["GET", "/admin/offers/runs/:id", "offers", "read"],
  ["GET", "/admin/offers/segments", "offers", "read"],
  ["POST", "/admin/offers/segments", "offers", "write"],
  ["POST", "/admin/offers/segments/preview", "offers", "read"],
  ["GET", "/admin/offers/segments/:id", "offers", "read"],
  ["DELETE", "/admin/offers/segments/:id", "offers", "write"],

  ["GET", "/admin/orders/:id/credit-notes", "invoices", "read"],
  ["POST", "/admin/orders/:id/credit-notes", "invoices", "write"],
  ["GET", "/admin/orders/:id/invoice", "invoices", "read"],
  ["POST", "/admin/orders/:id/invoice", "invoices", "write"],
  ["GET", "/admin/tax-documents", "invoices", "read"],
  ["GET", "/admin/tax-documents/:id", "invoices", "read"],

  ["GET", "/admin/payments/links", "payments", "read"],
  ["POST", "/admin/payments/links", "payments", "write"],
  ["GET", "/admin/payments/reconciliation", "reports", "read"],
  ["GET", "/admin/reports/sales", "reports", "read"],
  ["GET", "/admin/reports/sales/export", "reports", "read"],
  ["GET", "/admin/reports/sales/lines/export", "reports", "read"],
  ["GET", "/admin/reports/stock", "reports", "read"],
  ["GET", "/admin/reports/stock/export", "reports", "read"],
  ["GET", "/admin/reports/stock/history", "reports", "read"],
  ["GET", "/admin/reports/movers", "reports", "read"],
  ["GET", "/admin/reports/movers/export", "reports", "read"],
  ["GET", "/admin/reports/customers", "reports", "read"],
  ["GET", "/admin/reports/customers/export", "reports", "read"],
  ["GET", "/admin/reports/loyalty", "reports", "read"],
  ["GET", "/admin/reports/loyalty/export", "reports", "read"],
  ["GET", "/admin/reports/counter", "reports", "read"],
  ["GET", "/admin/reports/staff", "reports", "read"],
  ["GET", "/admin/reports/staff/export", "reports", "read"],
  ["GET", "/admin/reports/tally", "reports", "read"],

  ["GET", "/admin/old-gold/buying-rates", "metal_rates", "read"],
  ["POST", "/admin/old-gold/buying-rates", "metal_rates", "write"],
  ["POST", "/admin/old-gold/valuations", "old_gold", "read"],
  ["GET", "/admin/old-gold/vouchers", "old_gold", "read"],
  ["POST", "/admin/old-gold/vouchers", "old_gold", "buy"],
  ["GET", "/admin/old-gold/vouchers/:id", "old_gold", "read"],
  ["GET", "/admin/old-gold/vouchers/:id/pdf", "old_gold", "read"],
  ["GET", "/admin/old-gold/stock", "old_gold", "read"],
  ["GET", "/admin/old-gold/movements", "old_gold", "read"],
  ["POST", "/admin/old-gold/movements", "old_gold", "write"],

  ["GET", "/admin/schemes/templates", "schemes", "read"],
  ["POST", "/admin/schemes/templates", "schemes", "write"],
  ["POST", "/admin/schemes/templates/:id", "schemes", "write"],
  ["GET", "/admin/schemes/enrolments", "schemes", "read"],
  ["POST", "/admin/schemes/enrolments", "schemes", "sell"],
  ["GET", "/admin/schemes/enrolments/:id", "schemes", "read"],
  ["POST", "/admin/schemes/enrolments/:id/instalments", "schemes", "sell"],
  ["POST", "/admin/schemes/enrolments/:id/payment-link", "schemes", "sell"],
  ["GET", "/admin/schemes/liability", "reports", "read"],

  ["GET", "/admin/pos/orders", "pos", "read"],
  ["POST", "/admin/pos/orders", "pos", "sell"],
  ["GET", "/admin/pos/orders/:id", "pos", "read"],
  ["POST", "/admin/pos/quote", "pos", "read"],
  ["GET", "/admin/pos/approvals", "pos", "read"],
  ["POST", "/admin/pos/approvals", "pos", "sell"],
  ["GET", "/admin/pos/approvals/:id", "pos", "read"],
  ["POST", "/admin/pos/approvals/:id/approve", "pos", "approve"],
  ["POST", "/admin/pos/approvals/:id/reject", "pos", "approve"],
  ["GET", "/admin/pos/price-limits", "pos", "read"],
  ["GET", "/admin/pos/estimates", "pos", "read"],
  ["POST", "/admin/pos/estimates", "pos", "sell"],
  ["GET", "/admin/pos/estimates/:id", "pos", "read"],
  ["GET", "/admin/pos/estimates/:id/pdf", "pos", "read"],
  ["POST", "/admin/pos/price-limits", "pos", "write"],

  ["GET", "/admin/preferences/models", "preferences", "read"],
  ["POST", "/admin/preferences/models/rollback", "preferences", "write"],
  ["GET", "/admin/preferences/new-arrivals", "preferences", "read"],
  ["POST", "/admin/preferences/new-arrivals", "preferences", "run"],
  ["GET", "/admin/preferences/pieces/:variant_id/likely-buyers", "preferences", "read"],

  ["GET", "/admin/stock-audits", "stock", "read"],
  ["POST", "/admin/stock-audits", "stock", "count"],
  ["GET", "/admin/stock-audits/:id", "stock", "read"],
  ["GET", "/admin/stock-audits/:id/export", "stock", "read"],
  ["POST", "/admin/stock-audits/:id/scans", "stock", "count"],
  ["POST", "/admin/stock-audits/:id/scans/:tag_code", "stock", "count"],
  ["DELETE", "/admin/stock-audits/:id/scans/:tag_code", "stock", "count"],
  ["POST", "/admin/stock-audits/:id/close", "stock", "count"],
  ["POST", "/admin/stock-audits/:id/post", "stock", "approve"],
  ["POST", "/admin/stock-audits/:id/cancel", "stock", "approve"],
  ["GET", "/admin/stock-transfers", "stock", "read"],
  ["POST", "/admin/stock-transfers", "stock", "write"],
  ["GET", "/admin/stock-transfers/:id", "stock", "read"],
  ["GET", "/admin/stock-transfers/:id/challan", "stock", "read"],
  ["POST", "/admin/stock-transfers/:id/scans", "stock", "write"],
  ["POST", "/admin/stock-transfers/:id/close", "stock", "write"],
  ["POST", "/admin/stock-transfers/:id/cancel", "stock", "write"],
  ["GET", "/admin/approval-memos", "pos", "read"],
  ["POST", "/admin/approval-memos", "pos", "sell"],
  ["GET", "/admin/approval-memos/:id", "pos", "read"],
  ["GET", "/admin/approval-memos/:id/pdf", "pos", "read"],
  ["POST", "/admin/approval-memos/:id/returns", "pos", "sell"],
  ["GET", "/admin/job-cards", "pos", "read"],
  ["POST", "/admin/job-cards", "pos", "sell"],
  ["GET", "/admin/job-cards/:id", "pos", "read"],
  ["GET", "/admin/job-cards/:id/pdf", "pos", "read"],
  ["POST", "/admin/job-cards/:id/steps", "pos", "sell"],
  ["POST", "/admin/job-cards/:id/photos", "pos", "sell"],
  ["GET", "/admin/job-cards/:id/bill", "pos", "read"],
  ["POST", "/admin/job-cards/:id/payments", "pos", "sell"],
  ["GET", "/admin/job-cards/:id/payments/:payment_id/voucher", "pos", "read"],
  ["GET", "/admin/job-cards/:id/photos/:file_id", "pos", "read"],
  ["GET", "/admin/karigars", "stock", "read"],
  ["POST", "/admin/karigars", "stock", "write"],
  ["GET", "/admin/karigars/:id", "stock", "read"],
  ["POST", "/admin/karigars/:id", "stock", "write"],
  ["GET", "/admin/karigar-issues", "stock", "read"],
  ["POST", "/admin/karigar-issues", "stock", "write"],
  ["GET", "/admin/karigar-issues/:id", "stock", "read"],
  ["GET", "/admin/karigar-issues/:id/challan", "stock", "read"],
  ["POST", "/admin/karigar-issues/:id/receipts", "stock", "write"],

  ["GET", "/admin/audit", "audit", "read"],

  ["GET", "/admin/backups", "backups", "read"],
  ["POST", "/admin/backups", "backups", "run"],
  ["POST", "/admin/backups/drill", "backups", "run"],

  ["GET", "/admin/staff", "staff", "read"],
  ["GET", "/admin/staff/me", "staff", "read"],
  ["POST", "/admin/staff/:id", "staff", "write"],
]

/**
 * Medusa's own admin routes, by area (the first segment after /admin, one per
 * folder of Medusa's admin API): reading needs `read` on the resource,
 * anything else `write`. The few exceptions come first. A unit test fails
 * when Medusa gains an area this list does not name.
 */
const CORE_EXCEPTIONS: Line[] = [
  ["GET", "/admin/users/me", "staff", "read"],
  ["POST", "/admin/payments/:id/refund", "payments", "write"],
  ["POST", "/admin/payments/:id/capture", "payments", "write"],
  ["POST", "/admin/orders/:id/refund", "payments", "write"],
]
export const CORE_AREAS: Record<string, Resource> = {
  "api-keys": "settings",
  campaigns: "offers",
  claims: "orders",
  collections: "catalog",
  currencies: "settings",
  "customer-groups": "customers",
  customers: "customers",
  "draft-orders": "orders",
  exchanges: "orders",
  "feature-flags": "settings",
  "fulfillment-providers": "settings",
  "fulfillment-sets": "settings",
  fulfillments: "orders",
  index: "settings",
  "inventory-items": "stock",
  invites: "invites",
  layouts: "settings",
  locales: "settings",
  notifications: "messaging",
  "order-changes": "orders",
  "order-edits": "orders",
  orders: "orders",
  "payment-collections": "payments",
  payments: "payments",
  plugins: "settings",
  "price-lists": "catalog",
  "price-preferences": "catalog",
  "product-categories": "catalog",
  "product-options": "catalog",
  "product-tags": "catalog",
  "product-types": "catalog",
  "product-variants": "catalog",
  products: "catalog",
  promotions: "offers",
  "property-labels": "settings",
  rbac: "staff",
  "refund-reasons": "payments",
  regions: "settings",
  reservations: "stock",
  "return-reasons": "settings",
  returns: "orders",
  "sales-channels": "settings",
  search: "settings",
  "search-indexes": "settings",
  "shipping-option-types": "settings",
  "shipping-options": "settings",
  "shipping-profiles": "settings",
  "stock-locations": "stock",
  stores: "settings",
  "tax-providers": "settings",
  "tax-rates": "settings",
  "tax-regions": "settings",
  translations: "settings",
  uploads: "catalog",
  users: "staff",
  views: "settings",
  // Executions keep each workflow's input (customer details among them): read like the audit trail.
  "workflows-executions": "audit",
}

function compile([method, path, resource, action]: Line): RouteRule & { pattern: RegExp } {
  const source = path
    .split("/")
    .map((segment) => (segment.startsWith(":") ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/")
  // Case-insensitive, as Express matches routes.
  return { method, path, resource, action, pattern: new RegExp(`^${source}/?$`, "i") }
}

/** Static segments win over parameters, so /admin/crm/customers/merge is not /admin/crm/customers/:id. */
function specificity(path: string): number[] {
  return path.split("/").map((s) => (s.startsWith(":") ? 1 : 2))
}
function bySpecificity(a: RouteRule, b: RouteRule): number {
  const sa = specificity(a.path)
  const sb = specificity(b.path)
  for (let i = 0; i < Math.max(sa.length, sb.length); i++) {
    const d = (sb[i] ?? 0) - (sa[i] ?? 0)
    if (d) {
      return d
    }
  }
  return 0
}

const COMPILED = [...OUR_ROUTES, ...CORE_EXCEPTIONS].map(compile).sort(bySpecificity)

/** The routes written out above (ours and Medusa's exceptions), for the tests. */
export const ROUTE_RULES: readonly RouteRule[] = [...OUR_ROUTES, ...CORE_EXCEPTIONS].map(([method, path, resource, action]) => ({ method, path, resource, action }))

/**
 * The resource and action an admin request needs, for the path as Express
 * routes it (any letter case, unreserved escapes decoded, dot segments and
 * doubled slashes resolved). Ours are listed one by one; Medusa's follow
 * their area; a path neither names needs `unlisted`, which only the owner has.
 */
export function ruleFor(method: string, path: string): RouteRule {
  const verb = method.toUpperCase() === "HEAD" ? "GET" : method.toUpperCase()
  const clean = plainPath(path)
  const hit = COMPILED.find((r) => r.method === verb && r.pattern.test(clean))
  if (hit) {
    return { method: hit.method, path: hit.path, resource: hit.resource, action: hit.action }
  }
  const action: Action = verb === "GET" ? "read" : "write"
  const [root, area] = clean.split("/").filter(Boolean)
  const resource = root?.toLowerCase() === "admin" && area ? CORE_AREAS[area.toLowerCase()] : undefined
  return { method: verb, path: clean, resource: resource ?? "unlisted", action }
}

/** Whether the path is one of jewel-crm's own admin routes (every one must have a line above). */
export function isListedRoute(method: string, path: string): boolean {
  return OUR_ROUTES.some(([m, p]) => m === method && p === path)
}

/** The permission table of docs/security.md: one row per resource, one column per role. */
export function permissionTable(): string {
  const header = `| resource | ${STAFF_ROLES.map((r) => ROLE_LABELS[r]).join(" | ")} |`
  const rule = `|---|${STAFF_ROLES.map(() => "---").join("|")}|`
  const rows = (Object.keys(RESOURCES) as Resource[]).map((resource) => {
    const cells = STAFF_ROLES.map((role) => {
      const actions = ACTIONS.filter((a) => isAllowed(role, resource, a) && (role !== "owner" || actionsOf(resource).includes(a)))
      return actions.length ? actions.join(", ") : "–"
    })
    return `| ${resource} — ${RESOURCES[resource]} | ${cells.join(" | ")} |`
  })
  return [header, rule, ...rows].join("\n")
}

/** The actions that mean something for a resource: those some route asks for, plus read/write for Medusa's prefixes. */
function actionsOf(resource: Resource): Action[] {
  const used = new Set<Action>(ROUTE_RULES.filter((r) => r.resource === resource).map((r) => r.action))
  if (Object.values(CORE_AREAS).includes(resource) || resource === "unlisted") {
    used.add("read")
    used.add("write")
  }
  if (resource === "orders") {
    used.add("price")
  }
  return ACTIONS.filter((a) => used.has(a))
}
