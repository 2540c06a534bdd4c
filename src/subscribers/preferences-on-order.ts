import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { refreshCustomerPreferencesWorkflow } from "../workflows/preferences"

/** A purchase (or its cancellation) changes the customer's tastes at once; their shares are worked out again. */
export default async function preferencesOnOrder({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["customer_id"], filters: { id: event.data.id } })
  const customerId = (data[0] as { customer_id?: string | null } | undefined)?.customer_id
  if (customerId) {
    await refreshCustomerPreferencesWorkflow(container).run({ input: { customer_id: customerId } })
  }
}

export const config: SubscriberConfig = {
  event: ["order.placed", "order.canceled"],
  context: { subscriberId: "preferences-customer-shares" },
}
