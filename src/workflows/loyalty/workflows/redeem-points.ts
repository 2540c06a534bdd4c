import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { PostEntryInput } from "../../../modules/loyalty/service"
import { checkRedemptionStep } from "../steps/check-redemption"
import { postPointsEntryStep } from "../steps/post-points-entry"

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
