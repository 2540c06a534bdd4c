import { createWorkflow, transform, when, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { PostEntryInput } from "../../modules/loyalty/service"
import { checkRedemptionStep } from "./steps/check-redemption"
import { computeCancelReversalsStep } from "./steps/compute-cancel-reversals"
import { computeReturnReversalsStep } from "./steps/compute-return-reversals"
import { computeOrderEarningStep } from "./steps/earn-for-order"
import { postPointsEntryStep } from "./steps/post-points-entry"
import { reversePointsEntriesStep } from "./steps/reverse-points-entries"
import { updateLoyaltyTierStep, type TierPlacement } from "./steps/update-loyalty-tier"

/** Emitted when a customer moves to another tier: { customer_id, tier, previous_tier }. */
export const TIER_CHANGED_EVENT = "loyalty.tier_changed"

/** Tells subscribers (tier-upgrade offers, segment facts) when the tier step moved the customer. */
function emitTierChange(placement: WorkflowData<TierPlacement>) {
  when({ placement }, ({ placement }) => !!placement && !!placement.previous_tier && placement.previous_tier !== placement.tier).then(() => {
    emitEventStep({ eventName: TIER_CHANGED_EVENT, data: transform({ placement }, ({ placement }) => placement!) }).config({ name: "emit-tier-changed" })
  })
}

export type RedeemPointsInput = {
  customer_id: string
  /** Points to take, as a positive whole number. */
  points: number
  idempotency_key: string
  order_total_paise?: number
  order_id?: string | null
  branch_id?: string | null
  user_id?: string | null
  reason?: string | null
}

/** Points taken in store (POS, draft order): checked against the program, then deducted exactly once. */
export const redeemPointsWorkflow = createWorkflow("redeem-points", (input: RedeemPointsInput) => {
  const limits = checkRedemptionStep(input)
  const entry = transform({ input, limits }, ({ input, limits }): PostEntryInput => ({
    customer_id: input.customer_id,
    type: "redeem",
    points: -input.points,
    idempotency_key: input.idempotency_key,
    order_id: input.order_id ?? null,
    branch_id: input.branch_id ?? null,
    user_id: input.user_id ?? null,
    reason: input.reason ?? null,
    min_balance: limits.min_balance,
  }))
  return new WorkflowResponse(postPointsEntryStep(entry))
})

export type AdjustPointsInput = {
  customer_id: string
  /** Signed whole points. */
  points: number
  idempotency_key: string
  reason: string
  user_id?: string | null
}

/** A correction by staff, with its reason (kept in the ledger). A deduction cannot exceed the balance. */
export const adjustPointsWorkflow = createWorkflow("adjust-points", (input: AdjustPointsInput) => {
  const entry = transform({ input }, ({ input }): PostEntryInput => ({ ...input, type: "adjust" }))
  return new WorkflowResponse(postPointsEntryStep(entry))
})

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

/**
 * A received return (or the return half of an exchange) takes back its share
 * of the points the order earned and gives back its share of the points that
 * paid for it, once per return.
 */
export const reversePointsForReturnWorkflow = createWorkflow("reverse-points-for-return", (input: { return_id: string }) => {
  const reversals = computeReturnReversalsStep(input)
  return new WorkflowResponse(reversePointsEntriesStep(reversals))
})

/** A cancelled order takes back what it earned (into a negative balance if spent meanwhile) and gives back what it spent. */
export const reversePointsForCancelledOrderWorkflow = createWorkflow("reverse-points-for-cancelled-order", (input: { order_id: string }) => {
  const reversals = computeCancelReversalsStep(input)
  return new WorkflowResponse(reversePointsEntriesStep(reversals))
})

/** Re-places a customer in the tier their last 12 months' spend reaches (the daily review moves customers down). */
export const reviewLoyaltyTierWorkflow = createWorkflow("review-loyalty-tier", (input: { customer_id: string }) => {
  const placement = updateLoyaltyTierStep(input)
  emitTierChange(placement)
  return new WorkflowResponse(transform({ placement }, ({ placement }) => placement?.tier ?? null))
})
