import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { LoyaltyProgram } from "../../../lib/loyalty"
import { saveLoyaltyProgramStep } from "../steps/save-loyalty-program"

/** Sets the shop's loyalty rules after checking they do not contradict each other. */
export const saveLoyaltyProgramWorkflow = createWorkflow(
  "save-loyalty-program",
  (input: { program: LoyaltyProgram; user_id?: string | null }) => new WorkflowResponse(saveLoyaltyProgramStep(input))
)
