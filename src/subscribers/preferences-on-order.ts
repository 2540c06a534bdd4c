import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { customerOfOrder } from "../workflows/crm"
import { refreshCustomerPreferencesWorkflow } from "../workflows/preferences"

/** A purchase (or its cancellation) changes the customer's tastes at once; their shares are worked out again. */
export default async function preferencesOnOrder({ event, container }: SubscriberArgs<{ id: string }>) {
  const customerId = await customerOfOrder(container, event.data.id)
  if (customerId) {
    await refreshCustomerPreferencesWorkflow(container).run({ input: { customer_id: customerId } })
  }
}

export const config: SubscriberConfig = {
  event: ["order.placed", "order.canceled"],
  context: { subscriberId: "preferences-customer-shares" },
}
