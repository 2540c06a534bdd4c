import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { queueMessageWorkflow } from "../../messaging/workflows/queue-message"
import { applySchemeLinkPaymentStep, type SchemeLinkEventInput } from "../steps/apply-scheme-link-payment"
import { instalmentReceipt } from "../utils/instalment-receipt"

/**
 * What Razorpay reported about a scheme's payment link (from the payment webhook): paid, the card's
 * instalment once, with the customer's passbook line; expired or cancelled, the link's status.
 */
export const recordSchemeLinkPaymentWorkflow = createWorkflow("record-scheme-link-payment", (input: SchemeLinkEventInput) => {
  const applied = applySchemeLinkPaymentStep(input)
  when("scheme-link-instalment-receipt", { applied }, ({ applied }) => !!applied.taken?.created).then(() => {
    queueMessageWorkflow.runAsStep({ input: transform({ applied }, ({ applied }) => instalmentReceipt(applied.taken!)) })
  })
  return new WorkflowResponse(applied)
})
