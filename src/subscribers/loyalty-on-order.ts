import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LOYALTY_MODULE } from "../modules/loyalty"
import type LoyaltyModuleService from "../modules/loyalty/service"
import { earnPointsForOrderWorkflow, reversePointsForCancelledOrderWorkflow } from "../workflows/loyalty"

/**
 * A placed order earns its points (once, by the key `order:<id>:earn`) and
 * files the points its cart spent under it; a cancelled one takes back what
 * it earned (into a negative balance if they were spent meanwhile) and gives
 * back what it spent.
 */
export default async function loyaltyOnOrder({ event, container }: SubscriberArgs<{ id: string }>) {
  const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  const orderId = event.data.id
  if (event.name === "order.placed") {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "order_cart", fields: ["cart_id"], filters: { order_id: orderId } })
    const cartId = (data[0] as { cart_id?: string } | undefined)?.cart_id
    if (cartId) {
      await loyalty.settleCartRedemption(cartId, orderId)
    }
    await earnPointsForOrderWorkflow(container).run({ input: orderId })
    return
  }
  await reversePointsForCancelledOrderWorkflow(container).run({ input: { order_id: orderId } })
}

export const config: SubscriberConfig = {
  event: ["order.placed", "order.canceled"],
  context: { subscriberId: "loyalty-points-on-order" },
}
