import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { changeSchemeTemplateOfferStep, type SetSchemeTemplateOfferedInput } from "../steps/change-scheme-template-offer"

/** Stops offering a scheme for new enrolments (running cards go on, on their own terms), or offers it again. */
export const setSchemeTemplateOfferedWorkflow = createWorkflow("set-scheme-template-offered", (input: SetSchemeTemplateOfferedInput) => {
  return new WorkflowResponse(changeSchemeTemplateOfferStep(input))
})
