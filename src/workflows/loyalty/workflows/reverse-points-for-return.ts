import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { computeReturnReversalsStep } from "../steps/compute-return-reversals"
import { reversePointsEntriesStep } from "../steps/reverse-points-entries"

/**
 * A received return (or the return half of an exchange) takes back its share
 * of the points the order earned and gives back its share of the points that
 * paid for it, once per return.
 */
export const reversePointsForReturnWorkflow = createWorkflow("reverse-points-for-return", (input: { return_id: string }) => {
  const reversals = computeReturnReversalsStep(input)
  return new WorkflowResponse(reversePointsEntriesStep(reversals))
})
