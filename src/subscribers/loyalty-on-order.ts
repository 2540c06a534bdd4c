import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, PaymentEvents } from "@medusajs/framework/utils"
import { LOYALTY_MODULE } from "../modules/loyalty"
import type LoyaltyModuleService from "../modules/loyalty/service"
import { reversePointsForCancelledOrderWorkflow } from "../workflows/loyalty"
import { earnPointsForPaidOrderWorkflow } from "../workflows/payments"

/**
 * A placed order files the points its cart spent under it; it earns its
 * points once it is paid (docs/security.md, "Value only for paid orders"):
 * at order.placed when its payment was captured with it (a counter sale, a
 * provider that captures as it authorises), else at payment.captured —
 * once, by the key `order:<id>:earn`. A cancelled one takes back what it
 * earned (into a negative balance if they were spent meanwhile) and gives
 * back what it spent.
 */
export default async function loyaltyOnOrder({ event, container }: SubscriberArgs<{ id: string }>) {
  if (event.name === PaymentEvents.CAPTURED) {
    await earnPointsForPaidOrderWorkflow(container).run({ input: { payment_id: event.data.id } })
    return
  }
  const orderId = event.data.id
  if (event.name === "order.placed") {
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "order_cart", fields: ["cart_id"], filters: { order_id: orderId } })
    const cartId = (data[0] as { cart_id?: string } | undefined)?.cart_id
    if (cartId) {
      await loyalty.settleCartRedemption(cartId, orderId)
    }
    await earnPointsForPaidOrderWorkflow(container).run({ input: { order_id: orderId } })
    return
  }
  await reversePointsForCancelledOrderWorkflow(container).run({ input: { order_id: orderId } })
}

export const config: SubscriberConfig = {
  event: ["order.placed", "order.canceled", PaymentEvents.CAPTURED],
  context: { subscriberId: "loyalty-points-on-order" },
}
