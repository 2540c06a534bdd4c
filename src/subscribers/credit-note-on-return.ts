import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { issueCreditNoteWorkflow, issueInvoiceWorkflow } from "../workflows/invoicing"

/**
 * A received return gets a credit note against the order's invoice (issued
 * first if the order had none yet). Failures are logged and retried by the job.
 */
export default async function creditNoteOnReturn({ event, container }: SubscriberArgs<{ order_id: string; return_id: string }>) {
  try {
    await issueInvoiceWorkflow(container).run({ input: { order_id: event.data.order_id } })
    await issueCreditNoteWorkflow(container).run({ input: { return_id: event.data.return_id } })
  } catch (e) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`The credit note of return ${event.data.return_id} was not issued now (${(e as Error).message}); the retry job will try again`)
  }
}

export const config: SubscriberConfig = {
  event: "order.return_received",
  context: { subscriberId: "credit-note-on-return" },
}
