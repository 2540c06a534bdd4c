import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { saveMessageTemplateStep, type SaveTemplateInput } from "../steps/save-message-template"

/** Saves the shop's template for an event, channel and language (variables checked). */
export const saveMessageTemplateWorkflow = createWorkflow("save-message-template", (input: SaveTemplateInput) => {
  return new WorkflowResponse(saveMessageTemplateStep(input))
})
