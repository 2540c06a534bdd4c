import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { issueTaxDocumentStep } from "../steps/issue-tax-document"
import { prepareExchangeInvoiceStep } from "../steps/prepare-exchange-invoice"
import { storeTaxDocumentFileStep } from "../steps/store-tax-document-file"

/**
 * The GST tax invoice of the pieces a customer took in an exchange, beside
 * the order's own invoice (whose returned piece its credit note takes back):
 * numbered in the branch's invoice series once the order is paid again,
 * once per exchange. Running it again returns the invoice issued before.
 */
export const issueExchangeInvoiceWorkflow = createWorkflow("issue-exchange-invoice", (input: { exchange_id: string }) => {
  const prepared = prepareExchangeInvoiceStep(input)
  const issued = issueTaxDocumentStep(prepared)
  const stored = storeTaxDocumentFileStep(transform({ issued }, ({ issued }) => ({ document_id: issued.document.id })))
  return new WorkflowResponse(transform({ stored, issued }, ({ stored, issued }) => ({ document: stored, created: issued.created })))
})
