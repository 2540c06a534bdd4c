import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { PostEntryInput } from "../../../modules/loyalty/service"
import { postPointsEntryStep } from "../steps/post-points-entry"

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
