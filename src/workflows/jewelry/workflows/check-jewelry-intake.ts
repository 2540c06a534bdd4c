import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { IntakePiece } from "../../../lib/stock-intake"
import { checkIntakeReferencesStep } from "../steps/check-intake-references"

/** Which rows of an intake sheet can be imported, and why the others cannot. Reads only. */
export const checkJewelryIntakeWorkflow = createWorkflow("check-jewelry-intake", (input: { pieces: IntakePiece[] }) => {
  return new WorkflowResponse(checkIntakeReferencesStep(input.pieces))
})
