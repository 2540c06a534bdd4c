import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { moveStockAuditStep, type MoveStockAuditInput } from "../steps/move-stock-audit"

/** Closes an open audit (its report frozen) or cancels an open or closed one. */
export const moveStockAuditWorkflow = createWorkflow("move-stock-audit", (input: MoveStockAuditInput) => {
  return new WorkflowResponse(moveStockAuditStep(input))
})
