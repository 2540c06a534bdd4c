import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CRM_MODULE } from "../modules/crm"
import type CrmModuleService from "../modules/crm/service"
import { logInteractionWorkflow } from "../workflows/crm"

type PlacedOrder = {
  id: string
  display_id: number
  customer_id: string | null
  sales_channel_id: string | null
  currency_code: string
  total: number
  items?: { variant_id: string | null; title: string; quantity: number }[]
}

/** Every order becomes a "purchase" in the customer's timeline, once. */
export default async function orderPlacedInteraction({ event, container }: SubscriberArgs<{ id: string }>) {
  const crm: CrmModuleService = container.resolve(CRM_MODULE)
  if ((await crm.listInteractions({ order_id: event.data.id }, { select: ["id"] })).length) {
    return
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "customer_id", "sales_channel_id", "currency_code", "total", "items.variant_id", "items.title", "items.quantity"],
    filters: { id: event.data.id },
  })
  const order = data[0] as unknown as PlacedOrder | undefined
  if (!order?.customer_id) {
    return
  }
  const { data: channels } = order.sales_channel_id
    ? await query.graph({ entity: "sales_channel", fields: ["branch.id"], filters: { id: order.sales_channel_id } })
    : { data: [] }
  const branchId = (channels[0] as { branch?: { id: string } | null } | undefined)?.branch?.id ?? null
  const items = order.items ?? []
  const pieces = items.map((i) => `${i.title} ×${i.quantity}`).join(", ")
  await logInteractionWorkflow(container).run({
    input: {
      customer_id: order.customer_id,
      branch_id: branchId,
      channel: "online",
      kind: "purchase",
      summary: `Order #${order.display_id}: ${pieces}`.slice(0, 2000),
      products_of_interest: [...new Set(items.map((i) => i.variant_id).filter((id): id is string => !!id))],
      order_id: order.id,
      outcome: `${order.currency_code.toUpperCase()} ${order.total}`,
    },
  })
}

export const config: SubscriberConfig = {
  event: "order.placed",
}
