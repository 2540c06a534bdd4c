import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { prepareEstimateStep, type MakeEstimateInput } from "../steps/prepare-estimate"
import { saveEstimateStep } from "../steps/save-estimate"

/** A printable estimate of a bill at today's rates, with old gold set against it; it holds while the rates hold. */
export const makeEstimateWorkflow = createWorkflow("make-estimate", (input: MakeEstimateInput) => {
  const prepared = prepareEstimateStep(input)
  return new WorkflowResponse(saveEstimateStep(prepared))
})
