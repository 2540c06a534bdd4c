import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { refreshCustomerStatsWorkflow } from "../workflows/crm"

/** An order placed, changed or cancelled refreshes its customer's purchase aggregates. */
export default async function customerStatsOnOrder({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["customer_id"], filters: { id: event.data.id } })
  const customerId = (data[0] as { customer_id?: string | null } | undefined)?.customer_id
  if (customerId) {
    await refreshCustomerStatsWorkflow(container).run({ input: [customerId] })
  }
}

export const config: SubscriberConfig = {
  event: ["order.placed", "order.canceled", "order.updated", "order.completed"],
  context: { subscriberId: "crm-customer-stats" },
}
