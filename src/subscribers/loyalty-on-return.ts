import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { reversePointsForReturnWorkflow } from "../workflows/loyalty"

/** A received return takes back its share of the order's points (and gives back its share of the points spent on it). */
export default async function loyaltyOnReturn({ event, container }: SubscriberArgs<{ order_id: string; return_id: string }>) {
  await reversePointsForReturnWorkflow(container).run({ input: { return_id: event.data.return_id } })
}

export const config: SubscriberConfig = {
  event: "order.return_received",
  context: { subscriberId: "loyalty-points-on-return" },
}
