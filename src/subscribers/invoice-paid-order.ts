import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, OrderWorkflowEvents, PaymentEvents } from "@medusajs/framework/utils"
import { invoiceOrderExchanges } from "../workflows/invoicing"
import { invoicePaidOrderWorkflow } from "../workflows/payments"

/**
 * A paid order gets its GST tax invoice (docs/security.md, "Value only for
 * paid orders"): at order.placed when its payment was captured with it (a
 * counter sale, a provider that captures as it authorises), else at
 * payment.captured; an order still awaiting its payment gets none yet.
 * Nothing here can hold up the order: a failure is logged and the retry job
 * (jobs/retry-invoices) issues or stores it later; a second delivery finds
 * the invoice issued. The pieces a customer took in an exchange get their
 * own invoice the same way: when the exchange is made, or when the
 * difference it left is paid.
 */
export default async function invoicePaidOrder({ event, container }: SubscriberArgs<{ id: string; order_id?: string }>) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const input =
    event.name === PaymentEvents.CAPTURED
      ? { payment_id: event.data.id }
      : { order_id: event.name === OrderWorkflowEvents.EXCHANGE_CREATED ? event.data.order_id! : event.data.id }
  try {
    const { result } = await invoicePaidOrderWorkflow(container).run({ input })
    // A new order has no exchanges yet.
    if (result.order_id && event.name !== OrderWorkflowEvents.PLACED) {
      const { failed } = await invoiceOrderExchanges(container, result.order_id)
      for (const f of failed) {
        logger.warn(`The invoice of exchange ${f.id} was not issued now (${f.reason}); the retry job will try again`)
      }
    }
  } catch (e) {
    logger.warn(`The invoice for ${event.name} ${event.data.id} was not issued now (${(e as Error).message}); the retry job will try again`)
  }
}

export const config: SubscriberConfig = {
  event: [OrderWorkflowEvents.PLACED, PaymentEvents.CAPTURED, OrderWorkflowEvents.EXCHANGE_CREATED],
  context: { subscriberId: "invoice-paid-order" },
}
