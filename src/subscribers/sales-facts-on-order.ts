import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { refreshSalesFactsWorkflow } from "../workflows/analytics"

/** Any change to an order (placed, cancelled, edited, returned, exchanged) rewrites its sales facts from the order as it now is. */
export default async function salesFactsOnOrder({ event, container }: SubscriberArgs<{ id?: string; order_id?: string }>) {
  const orderId = event.data.order_id ?? event.data.id
  if (orderId) {
    await refreshSalesFactsWorkflow(container).run({ input: [orderId] })
  }
}

export const config: SubscriberConfig = {
  event: [
    "order.placed",
    "order.canceled",
    "order.updated",
    "order.completed",
    "order.return_received",
    "order.exchange_created",
    "order.claim_created",
    "order-edit.confirmed",
  ],
  context: { subscriberId: "analytics-sales-facts" },
}
