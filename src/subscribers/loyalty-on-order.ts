import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { LOYALTY_MODULE } from "../modules/loyalty"
import type LoyaltyModuleService from "../modules/loyalty/service"
import { earnPointsForOrderWorkflow } from "../workflows/loyalty"

/**
 * A placed order earns its points (once, by the key `order:<id>:earn`); a
 * cancelled one gives back what it earned, into a negative balance if they
 * were spent meanwhile.
 */
export default async function loyaltyOnOrder({ event, container }: SubscriberArgs<{ id: string }>) {
  if (event.name === "order.placed") {
    await earnPointsForOrderWorkflow(container).run({ input: event.data.id })
    return
  }
  const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  const [earned] = await loyalty.listPointsEntries({ idempotency_key: `order:${event.data.id}:earn` })
  if (earned) {
    const [done] = await loyalty.listPointsEntries({ idempotency_key: `order:${event.data.id}:cancel` }, { select: ["id"] })
    if (!done) {
      await loyalty.reverseEntry({ entry_id: earned.id, idempotency_key: `order:${event.data.id}:cancel`, reason: "order cancelled" })
    }
  }
}

export const config: SubscriberConfig = {
  event: ["order.placed", "order.canceled"],
  context: { subscriberId: "loyalty-points-on-order" },
}
