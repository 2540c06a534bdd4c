import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { customerOfOrder, refreshCustomerStatsWorkflow } from "../workflows/crm"

/** An order placed, changed or cancelled refreshes its customer's purchase aggregates. */
export default async function customerStatsOnOrder({ event, container }: SubscriberArgs<{ id: string }>) {
  const customerId = await customerOfOrder(container, event.data.id)
  if (customerId) {
    await refreshCustomerStatsWorkflow(container).run({ input: [customerId] })
  }
}

export const config: SubscriberConfig = {
  event: ["order.placed", "order.canceled", "order.updated", "order.completed"],
  context: { subscriberId: "crm-customer-stats" },
}
