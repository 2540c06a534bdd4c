import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { storeTaxDocumentFileStep } from "../steps/store-tax-document-file"

/** Stores (or with `replace`, draws and stores again) a document's PDF. */
export const storeTaxDocumentFileWorkflow = createWorkflow("store-tax-document-file", (input: { document_id: string; replace?: boolean }) => {
  return new WorkflowResponse(storeTaxDocumentFileStep(input))
})
