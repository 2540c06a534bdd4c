import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { issueInvoiceWorkflow } from "../workflows/invoicing"

/**
 * A placed order gets its GST tax invoice. Nothing here can hold up the
 * order: a failure is logged and the retry job (jobs/retry-invoices) issues
 * or stores it later; a second delivery of the event finds the invoice issued.
 */
export default async function invoiceOnOrderPlaced({ event, container }: SubscriberArgs<{ id: string }>) {
  try {
    await issueInvoiceWorkflow(container).run({ input: { order_id: event.data.id } })
  } catch (e) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`The invoice of order ${event.data.id} was not issued now (${(e as Error).message}); the retry job will try again`)
  }
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "invoice-on-order-placed" },
}
