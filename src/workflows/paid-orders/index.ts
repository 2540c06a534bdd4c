import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { issueInvoiceWorkflow } from "../invoicing"
import { earnPointsForOrderWorkflow } from "../loyalty"
import { findPaidOrderStep, type PaidOrderInput } from "./steps/find-paid-order"

export type { PaidOrderInput }

const paid = ({ found }: { found: { order_id: string | null; state: string | null } }) => !!found.order_id && found.state === "paid"

/**
 * An order's points, when it is paid (docs/security.md, "Value only for
 * paid orders"): run at order.placed (a payment captured as it was
 * authorised, a counter sale) and at payment.captured (captured later).
 * The ledger's key `order:<id>:earn` makes it once however often it runs.
 */
export const earnPointsForPaidOrderWorkflow = createWorkflow("earn-points-for-paid-order", (input: PaidOrderInput) => {
  const found = findPaidOrderStep(input)
  const earned = when("paid-order-earns", { found }, paid).then(() =>
    earnPointsForOrderWorkflow.runAsStep({ input: transform({ found }, ({ found }) => found.order_id!) })
  )
  return new WorkflowResponse(transform({ found, earned }, ({ found, earned }) => ({ ...found, earned: earned ?? null })))
})

/**
 * An order's GST tax invoice, when it is paid; at the same moments as the
 * points. The invoice workflow returns the invoice issued before, so a
 * second run issues nothing.
 */
export const invoicePaidOrderWorkflow = createWorkflow("invoice-paid-order", (input: PaidOrderInput) => {
  const found = findPaidOrderStep(input)
  const invoiced = when("paid-order-invoiced", { found }, paid).then(() =>
    issueInvoiceWorkflow.runAsStep({ input: transform({ found }, ({ found }) => ({ order_id: found.order_id! })) })
  )
  return new WorkflowResponse(
    transform({ found, invoiced }, ({ found, invoiced }) => ({ ...found, invoice_id: invoiced?.document.id ?? null, created: invoiced?.created ?? false }))
  )
})
