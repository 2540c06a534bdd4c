import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { queueMessageWorkflow } from "../../messaging/workflows/queue-message"
import { recordSchemeInstalmentStep, type PaySchemeInstalmentInput } from "../steps/record-scheme-instalment"
import { instalmentReceipt } from "../utils/instalment-receipt"

/**
 * Takes a scheme's next instalment at the counter (cash, card or UPI), once per idempotency key, and sends
 * the customer the passbook line by SMS/WhatsApp through the outbox (once per instalment).
 */
export const paySchemeInstalmentWorkflow = createWorkflow("pay-scheme-instalment", (input: PaySchemeInstalmentInput) => {
  const taken = recordSchemeInstalmentStep(input)
  when("scheme-instalment-receipt", { taken }, ({ taken }) => taken.created).then(() => {
    queueMessageWorkflow.runAsStep({ input: transform({ taken }, ({ taken }) => instalmentReceipt(taken)) })
  })
  return new WorkflowResponse(taken)
})
