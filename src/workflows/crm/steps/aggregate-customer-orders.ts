import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
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

/**
 * Reads the customers' orders and their pieces' metal and category, and
 * reduces them to one aggregate per customer, with the latest orders as
 * the 360 lists them. Reads only.
 */
export const aggregateCustomerOrdersStep = createStep(
  "aggregate-customer-orders",
  async (customerIds: string[], { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "display_id", "customer_id", "created_at", "status", "total", "currency_code", "items.title", "items.quantity", "items.variant_id"],
      filters: { customer_id: customerIds },
    })
    const orders = data as unknown as OrderRow[]
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
