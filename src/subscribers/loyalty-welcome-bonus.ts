import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { expiryFor } from "../lib/loyalty"
import { LOYALTY_MODULE } from "../modules/loyalty"
import type LoyaltyModuleService from "../modules/loyalty/service"

/** A new customer gets the program's welcome points, once (off while the program's welcome bonus is 0). */
export default async function loyaltyWelcomeBonus({ event, container }: SubscriberArgs<{ id: string }>) {
  const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  const program = await loyalty.currentProgram()
  if (program.welcome_bonus > 0) {
    await loyalty.postEntry({
      customer_id: event.data.id,
      type: "bonus",
      points: program.welcome_bonus,
      idempotency_key: `welcome:${event.data.id}`,
      expires_at: expiryFor(new Date(), program),
      reason: "welcome bonus",
    })
  }
}

export const config: SubscriberConfig = {
  event: "customer.created",
  context: { subscriberId: "loyalty-welcome-bonus" },
}
