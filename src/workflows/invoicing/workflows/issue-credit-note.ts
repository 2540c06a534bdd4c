import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { issueTaxDocumentStep } from "../steps/issue-tax-document"
import { prepareCreditNoteStep } from "../steps/prepare-credit-note"
import { storeTaxDocumentFileStep } from "../steps/store-tax-document-file"

/** A credit note for a received return, in its own gap-free series; once per return. */
export const issueCreditNoteWorkflow = createWorkflow("issue-credit-note", (input: { return_id: string; reason?: string | null }) => {
  const prepared = prepareCreditNoteStep(input)
  const issued = issueTaxDocumentStep(prepared)
  const stored = storeTaxDocumentFileStep(transform({ issued }, ({ issued }) => ({ document_id: issued.document.id })))
  return new WorkflowResponse(transform({ stored, issued }, ({ stored, issued }) => ({ document: stored, created: issued.created })))
})
