import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, PaymentEvents } from "@medusajs/framework/utils"
import { invoicePaidOrderWorkflow } from "../workflows/payments"

/**
 * A paid order gets its GST tax invoice (docs/security.md, "Value only for
 * paid orders"): at order.placed when its payment was captured with it (a
 * counter sale, a provider that captures as it authorises), else at
 * payment.captured; an order still awaiting its payment gets none yet.
 * Nothing here can hold up the order: a failure is logged and the retry job
 * (jobs/retry-invoices) issues or stores it later; a second delivery finds
 * the invoice issued.
 */
export default async function invoicePaidOrder({ event, container }: SubscriberArgs<{ id: string }>) {
  const input = event.name === PaymentEvents.CAPTURED ? { payment_id: event.data.id } : { order_id: event.data.id }
  try {
    await invoicePaidOrderWorkflow(container).run({ input })
  } catch (e) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`The invoice for ${event.name} ${event.data.id} was not issued now (${(e as Error).message}); the retry job will try again`)
  }
}

export const config: SubscriberConfig = {
  event: ["order.placed", PaymentEvents.CAPTURED],
  context: { subscriberId: "invoice-paid-order" },
}
