import { transform, when, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { TierPlacement } from "../steps/update-loyalty-tier"

/** Emitted when a customer moves to another tier: { customer_id, tier, previous_tier }. */
export const TIER_CHANGED_EVENT = "loyalty.tier_changed"

/** Tells subscribers (tier-upgrade offers, segment facts) when the tier step moved the customer. */
export function emitTierChange(placement: WorkflowData<TierPlacement>) {
  when({ placement }, ({ placement }) => !!placement && !!placement.previous_tier && placement.previous_tier !== placement.tier).then(() => {
    emitEventStep({ eventName: TIER_CHANGED_EVENT, data: transform({ placement }, ({ placement }) => placement!) }).config({ name: "emit-tier-changed" })
  })
}
