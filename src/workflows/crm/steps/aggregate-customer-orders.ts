import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_SUMMARY_JOIN_SQL, ORDER_SUMMARY_TOTAL_SQL, ordersWithoutSummary } from "../../../lib/order-totals"
import { pgArray } from "../../../lib/pg-array"
import { aggregatePurchases, recentOrders, type PurchaseAggregate, type RecentOrder } from "../../../lib/customer-360"

type OrderRow = {
  id: string
  display_id: number
  customer_id: string
  created_at: string
  status: string
  total: number
  currency_code: string
  items?: { title: string; quantity: number; variant_id: string | null }[]
}

export type CustomerAggregate = PurchaseAggregate & { customer_id: string; currency_code: string; recent_orders: RecentOrder[] }

const ORDER_FIELDS = ["id", "display_id", "customer_id", "created_at", "status", "total", "currency_code", "items.title", "items.quantity", "items.variant_id"]

/**
 * The customers' orders in one statement: each with the lines of its current
 * version and its total as Medusa keeps it in the order's summary
 * (src/lib/order-totals.ts). Reading them through the query graph was two
 * thirds of the work a counter sale leaves for after its answer
 * (docs/benchmarks.md, "Where the counter sale's time goes"). An order
 * without a summary is read through the graph.
 */
async function customerOrders(container: MedusaContainer, customerIds: string[]): Promise<OrderRow[]> {
  const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = (await knex.raw(
    `select o.id, o.display_id, o.customer_id, o.created_at, o.status, o.currency_code, ${ORDER_SUMMARY_TOTAL_SQL} as total,
            coalesce((select json_agg(json_build_object('title', li.title, 'quantity', oi.quantity, 'variant_id', li.variant_id) order by li.created_at, li.id)
                        from order_item oi join order_line_item li on li.id = oi.item_id and li.deleted_at is null
                       where oi.order_id = o.id and oi.version = o.version and oi.deleted_at is null), '[]') as items
       from "order" o
       ${ORDER_SUMMARY_JOIN_SQL}
      where o.customer_id = any(?::text[]) and o.deleted_at is null`,
    [pgArray(customerIds)]
  )) as { rows: (Omit<OrderRow, "total"> & { total: string | null })[] }
  const computed = await ordersWithoutSummary<OrderRow>(container, rows, ORDER_FIELDS)
  return rows.map((o) => computed.get(o.id) ?? { ...o, total: Number(o.total), items: (o.items ?? []).map((i) => ({ ...i, quantity: Number(i.quantity) })) })
}

/**
 * Reads the customers' orders and their pieces' metal and category, and
 * reduces them to one aggregate per customer, with the latest orders as
 * the 360 lists them. Reads only.
 */
export const aggregateCustomerOrdersStep = createStep(
  "aggregate-customer-orders",
  async (customerIds: string[], { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const orders = await customerOrders(container, customerIds)
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
    const aggregates: CustomerAggregate[] = customerIds.map((customerId) => {
      const mine = orders.filter((o) => o.customer_id === customerId)
      return {
        customer_id: customerId,
        currency_code: mine[0]?.currency_code ?? "inr",
        recent_orders: recentOrders(mine.map((o) => ({ ...o, items: o.items ?? [] }))),
        ...aggregatePurchases(
          mine.map((o) => ({
            ...o,
            items: (o.items ?? []).map((i) => ({ quantity: i.quantity, ...(i.variant_id ? pieceOf.get(i.variant_id) : {}) })),
          }))
        ),
      }
    })
    return new StepResponse(aggregates)
  }
)
