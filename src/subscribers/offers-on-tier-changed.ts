import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { issueTierUpgradeOffer } from "../workflows/offers"

/** A customer reaching a higher tier gets the tier-upgrade offer when that campaign is switched on. */
export default async function offersOnTierChanged({ event, container }: SubscriberArgs<{ customer_id: string; tier: string; previous_tier: string | null }>) {
  await issueTierUpgradeOffer(container, event.data)
}

export const config: SubscriberConfig = {
  event: "loyalty.tier_changed",
  context: { subscriberId: "offers-tier-upgrade" },
}
