import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { recordOfferRedemptionsWorkflow } from "../workflows/offers"

/** An order that used offer codes marks those offers redeemed (a replayed event changes nothing). */
export default async function offersOnOrderPlaced({ event, container }: SubscriberArgs<{ id: string }>) {
  await recordOfferRedemptionsWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "offers-redemption" },
}
