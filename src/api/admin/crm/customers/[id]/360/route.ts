import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { summarisePurchases } from "../../../../../../lib/customer-360"
import { CRM_MODULE } from "../../../../../../modules/crm"
import type CrmModuleService from "../../../../../../modules/crm/service"
import { presentProfile } from "../../../../../utils/crm"

type OrderRow = {
  id: string
  display_id: number
  created_at: string
  status: string
  total: number
  currency_code: string
  items?: { title: string; quantity: number; variant_id: string | null }[]
}

/**
 * GET /admin/crm/customers/:id/360 — everything staff need about a customer
 * in one answer: profile, purchases (lifetime value, orders, average, first
 * and last, favourite metal and category, recent orders with pieces),
 * recent interactions and open tasks.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: customers } = await query.graph({
    entity: "customer",
    fields: ["id", "first_name", "last_name", "email", "phone", "created_at", "customer_profile.*"],
    filters: { id: req.params.id },
  })
  const customer = customers[0] as (Record<string, unknown> & { customer_profile?: Record<string, unknown> | null }) | undefined
  if (!customer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id "${req.params.id}" was not found`)
  }
  const { data: orderData } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "created_at", "status", "total", "currency_code", "items.title", "items.quantity", "items.variant_id"],
    filters: { customer_id: req.params.id },
    pagination: { order: { created_at: "DESC" } },
  })
  const orders = orderData as unknown as OrderRow[]
  const variantIds = [...new Set(orders.flatMap((o) => (o.items ?? []).map((i) => i.variant_id)).filter((id): id is string => !!id))]
  const { data: variants } = variantIds.length
    ? await query.graph({
        entity: "product_variant",
        fields: ["id", "jewelry_attributes.metal", "product.categories.handle"],
        filters: { id: variantIds },
      })
    : { data: [] }
  const pieceOf = new Map(
    (variants as { id: string; jewelry_attributes?: { metal: string } | null; product?: { categories?: { handle: string }[] } }[]).map((v) => [
      v.id,
      { metal: v.jewelry_attributes?.metal ?? null, category: v.product?.categories?.[0]?.handle ?? null },
    ])
  )
  const summary = summarisePurchases(
    orders.map((o) => ({
      ...o,
      items: (o.items ?? []).map((i) => ({ quantity: i.quantity, ...(i.variant_id ? pieceOf.get(i.variant_id) : {}) })),
    }))
  )
  const crm: CrmModuleService = req.scope.resolve(CRM_MODULE)
  const [interactions, tasks] = await Promise.all([
    crm.listInteractions({ customer_id: req.params.id }, { order: { occurred_at: "DESC" }, take: 10 }),
    crm.listFollowUpTasks({ customer_id: req.params.id, status: "open" }, { order: { due_at: "ASC" }, take: 20 }),
  ])
  const { customer_profile, ...core } = customer
  res.json({
    customer: core,
    profile: presentProfile(customer_profile),
    purchases: {
      ...summary,
      recent_orders: orders.slice(0, 5).map((o) => ({
        id: o.id,
        display_id: o.display_id,
        created_at: o.created_at,
        status: o.status,
        total: o.total,
        currency_code: o.currency_code,
        items: (o.items ?? []).map((i) => ({ title: i.title, quantity: i.quantity, variant_id: i.variant_id })),
      })),
    },
    interactions,
    open_tasks: tasks,
  })
}
