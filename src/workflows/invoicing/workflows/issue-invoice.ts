import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { issueTaxDocumentStep } from "../steps/issue-tax-document"
import { prepareInvoiceStep } from "../steps/prepare-invoice"
import { storeTaxDocumentFileStep } from "../steps/store-tax-document-file"

/**
 * An order's GST tax invoice: what it says (from the order and the pieces'
 * stored attributes, through src/lib/invoice) → its number from the branch's
 * gap-free series, stored → the PDF in the file module. Running it again
 * returns the invoice issued before; a PDF that could not be stored is left
 * for the retry job (jobs/retry-invoices) without failing the workflow.
 */
export const issueInvoiceWorkflow = createWorkflow("issue-invoice", (input: { order_id: string }) => {
  const prepared = prepareInvoiceStep(input)
  const issued = issueTaxDocumentStep(prepared)
  const stored = storeTaxDocumentFileStep(transform({ issued }, ({ issued }) => ({ document_id: issued.document.id })))
  return new WorkflowResponse(transform({ stored, issued }, ({ stored, issued }) => ({ document: stored, created: issued.created })))
})
