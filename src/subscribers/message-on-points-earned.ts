import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { queueMessageWorkflow } from "../workflows/messaging"

type PointsEarned = { customer_id: string; points: number; balance: number; order_id: string }

/** "You earned N points" after an order's points are posted, once per order (keyed). */
export default async function messageOnPointsEarned({ event, container }: SubscriberArgs<PointsEarned>) {
  const { customer_id, points, balance, order_id } = event.data
  await queueMessageWorkflow(container).run({
    input: {
      event: "points_earned",
      customer_id,
      variables: { points: points.toLocaleString("en-IN"), balance: balance.toLocaleString("en-IN") },
      idempotency_key: `order:${order_id}:points-earned`,
    },
  })
}

export const config: SubscriberConfig = {
  event: "loyalty.points_earned",
  context: { subscriberId: "message-on-points-earned" },
}
