import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { saveSchemeTemplateStep, type CreateSchemeTemplateInput } from "../steps/save-scheme-template"

/** Offers a new savings scheme: its terms checked against the scheme rules (docs/counter.md). */
export const createSchemeTemplateWorkflow = createWorkflow("create-scheme-template", (input: CreateSchemeTemplateInput) => {
  return new WorkflowResponse(saveSchemeTemplateStep(input))
})
