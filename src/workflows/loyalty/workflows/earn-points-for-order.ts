import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { computeOrderEarningStep } from "../steps/earn-for-order"
import { postPointsEntryStep } from "../steps/post-points-entry"
import { updateLoyaltyTierStep } from "../steps/update-loyalty-tier"
import { emitTierChange } from "../utils/tier-change"

/**
 * The points an order earns, once per order however often the event arrives,
 * at the multiplier of the tier the customer's last 12 months reach.
 */
export const earnPointsForOrderWorkflow = createWorkflow("earn-points-for-order", (orderId: string) => {
  const placement = updateLoyaltyTierStep(transform({ orderId }, ({ orderId }) => ({ order_id: orderId })))
  emitTierChange(placement)
  const earning = computeOrderEarningStep(
    transform({ orderId, placement }, ({ orderId, placement }) => ({ order_id: orderId, tier: placement?.tier ?? null }))
  )
  const posted = when({ earning }, ({ earning }) => !!earning).then(() =>
    postPointsEntryStep(transform({ earning }, ({ earning }) => earning!))
  )
  when({ posted }, ({ posted }) => !!posted && !posted.replayed).then(() => {
    emitEventStep({
      eventName: "loyalty.points_earned",
      data: transform({ posted, orderId }, ({ posted, orderId }) => ({
        customer_id: posted!.entry.customer_id,
        points: posted!.entry.points,
        balance: posted!.balance,
        order_id: orderId,
      })),
    })
  })
  return new WorkflowResponse(transform({ posted }, ({ posted }) => posted ?? null))
})
