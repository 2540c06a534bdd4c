import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordOldGoldMovementStep, type MoveOldGoldStockInput } from "../steps/record-old-gold-movement"

/** Old metal sent to a refinery or a karigar, melted, sold as scrap, or adjusted after a count: the branch's old-metal stock moves. */
export const moveOldGoldStockWorkflow = createWorkflow("move-old-gold-stock", (input: MoveOldGoldStockInput) => {
  return new WorkflowResponse(recordOldGoldMovementStep(input))
})
