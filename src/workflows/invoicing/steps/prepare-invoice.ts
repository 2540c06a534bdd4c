import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { INVOICING_MODULE } from "../../../modules/invoicing"
import type { IssueDocumentInput } from "../../../modules/invoicing/service"
import type InvoicingModuleService from "../../../modules/invoicing/service"
import { invoiceToIssue, loadOrderInvoiceFacts } from "../utils/order-facts"

export type PreparedDocument = { existing_id: string | null; issue: IssueDocumentInput | null }

/**
 * What the order's invoice will say (src/lib/invoice over the order's facts),
 * or the invoice it already has. Reads only.
 */
export const prepareInvoiceStep = createStep("prepare-invoice", async ({ order_id }: { order_id: string }, { container }) => {
  const invoicing: InvoicingModuleService = container.resolve(INVOICING_MODULE)
  const existing = await invoicing.getDocument({ order_id, type: "invoice", exchange_id: null })
  if (existing) {
    return new StepResponse<PreparedDocument>({ existing_id: existing.id, issue: null })
  }
  return new StepResponse<PreparedDocument>({ existing_id: null, issue: invoiceToIssue(await loadOrderInvoiceFacts(container, order_id), order_id) })
})
