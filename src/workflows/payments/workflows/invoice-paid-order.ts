import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { issueInvoiceWorkflow } from "../../invoicing/workflows/issue-invoice"
import { findPaidOrderStep, type PaidOrderInput } from "../steps/find-paid-order"
import { foundPaidOrder } from "../utils/order-payments"

/**
 * An order's GST tax invoice, when it is paid; at the same moments as the
 * points. The invoice workflow returns the invoice issued before, so a
 * second run issues nothing.
 */
export const invoicePaidOrderWorkflow = createWorkflow("invoice-paid-order", (input: PaidOrderInput) => {
  const found = findPaidOrderStep(input)
  const invoiced = when("paid-order-invoiced", { found }, foundPaidOrder).then(() =>
    issueInvoiceWorkflow.runAsStep({ input: transform({ found }, ({ found }) => ({ order_id: found.order_id! })) })
  )
  return new WorkflowResponse(
    transform({ found, invoiced }, ({ found, invoiced }) => ({ ...found, invoice_id: invoiced?.document.id ?? null, created: invoiced?.created ?? false }))
  )
})
