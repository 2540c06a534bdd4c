import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { RedeemPointsInput } from "../../../modules/loyalty/service"
import { redeemPointsStep } from "../steps/redeem-points"

export type { RedeemPointsInput }

/**
 * Points taken in store (POS, draft order): checked against the program, then
 * deducted exactly once; for composing into a larger workflow (the counter
 * sale runs it as a step). The admin route posts through the module directly
 * (docs/benchmarks.md, "The loyalty ledger's time").
 */
export const redeemPointsWorkflow = createWorkflow("redeem-points", (input: RedeemPointsInput) => {
  return new WorkflowResponse(redeemPointsStep(input))
})
