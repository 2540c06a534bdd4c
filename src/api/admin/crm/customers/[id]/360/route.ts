import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { customer360Sections, loadCustomer360Sections, unknownCustomer360Sections } from "../../../../../../customer-360"
import { presentPurchases, summarisePurchases, type RecentOrder } from "../../../../../../lib/customer-360"
import { CRM_MODULE } from "../../../../../../modules/crm"
import type CrmModuleService from "../../../../../../modules/crm/service"
import { presentProfile } from "../../../../../../modules/crm/present"
import { customerWithProfile } from "../../../../../../modules/crm/queries/customer-with-profile"
import type { Customer360QueryType } from "../../../validators"

/**
 * GET /admin/crm/customers/:id/360 — everything staff need about a customer
 * in one answer: profile, purchases (lifetime value, orders, average, first
 * and last, favourite metal and category, recent orders with pieces),
 * recent interactions and open tasks, then the sections other features add
 * (src/customer-360/sections). Purchases and recent orders come from the
 * customer's stored aggregate (kept up to date on order events): the 360
 * never reads the order tables. `?sections=a,b` loads only those sections
 * (none when empty).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { sections: only } = req.validatedQuery as Customer360QueryType
  const unknown = only ? unknownCustomer360Sections(only) : []
  if (unknown.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown 360 section ${unknown.join(", ")}; the sections are ${customer360Sections().map((s) => s.id).join(", ")}`)
  }
  const crm: CrmModuleService = req.scope.resolve(CRM_MODULE)
  // Everything at once: each part reads by customer id through its own index.
  const [customer, { stats, interactions, tasks }, sections] = await Promise.all([
    customerWithProfile(req.scope, req.params.id),
    crm.customerActivity(req.params.id, { interactions: 10, tasks: 20 }),
    loadCustomer360Sections(req.scope, req.params.id, only),
  ])
  if (!customer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id "${req.params.id}" was not found`)
  }
  const summary = stats
    ? presentPurchases({
        order_count: stats.order_count,
        lifetime_value: (stats.raw_lifetime_value as { value: string }).value,
        first_purchase_at: stats.first_order_at ? new Date(stats.first_order_at).toISOString() : null,
        last_purchase_at: stats.last_order_at ? new Date(stats.last_order_at).toISOString() : null,
        metal_counts: (stats.metal_counts as Record<string, number> | null) ?? {},
        category_counts: (stats.category_counts as Record<string, number> | null) ?? {},
      })
    : summarisePurchases([])
  const { customer_profile, ...core } = customer
  res.json({
    customer: core,
    profile: presentProfile(customer_profile),
    purchases: {
      ...summary,
      recent_orders: (stats?.recent_orders as RecentOrder[] | null) ?? [],
    },
    interactions,
    open_tasks: tasks,
    sections: Object.fromEntries(sections.map(({ id, ...section }) => [id, section])),
  })
}
