import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { computeCancelReversalsStep } from "../steps/compute-cancel-reversals"
import { reversePointsEntriesStep } from "../steps/reverse-points-entries"

/** A cancelled order takes back what it earned (into a negative balance if spent meanwhile) and gives back what it spent. */
export const reversePointsForCancelledOrderWorkflow = createWorkflow("reverse-points-for-cancelled-order", (input: { order_id: string }) => {
  const reversals = computeCancelReversalsStep(input)
  return new WorkflowResponse(reversePointsEntriesStep(reversals))
})
