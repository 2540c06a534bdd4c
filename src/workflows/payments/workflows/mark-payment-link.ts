import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updatePaymentCollectionStep } from "@medusajs/medusa/core-flows"
import { PaymentCollectionStatus } from "@medusajs/framework/utils"
import { markPaymentLinkStep, type PaymentLinkOutcome } from "../steps/mark-payment-link"

/**
 * What became of a payment link (paid, expired, cancelled), marked once; a
 * paid link's counter-sale tender is marked paid too, and a link sent on its
 * own that expired or was cancelled takes its payment collection with it, so
 * the order no longer waits for it.
 */
export const markPaymentLinkWorkflow = createWorkflow("mark-payment-link", (input: PaymentLinkOutcome) => {
  const marked = markPaymentLinkStep(input)
  when({ marked }, ({ marked }) => !!marked.payment_collection_id).then(() => {
    // Nothing was paid on it: the collection is cancelled (Medusa leaves cancelled collections out of the order's payment status).
    updatePaymentCollectionStep({
      selector: transform({ marked }, ({ marked }) => ({ id: marked.payment_collection_id! })),
      update: { status: PaymentCollectionStatus.CANCELED },
    })
  })
  return new WorkflowResponse(marked)
})
