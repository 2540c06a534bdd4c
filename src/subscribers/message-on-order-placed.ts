import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { amountToPaise, formatInr } from "../lib/money"
import { invoiceLinkForOrder } from "../workflows/invoicing"
import { queueMessageWorkflow } from "../workflows/messaging"

/** The link, or nothing when it cannot be signed: a template that uses it then says so in the message log. */
function invoiceLink(container: SubscriberArgs<unknown>["container"], orderId: string): string | undefined {
  try {
    return invoiceLinkForOrder(container, orderId)
  } catch {
    return undefined
  }
}

/** An order confirmation to the customer, once per order (keyed), sent by the drain-messages job. */
export default async function messageOnOrderPlaced({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "display_id", "customer_id", "total", "currency_code"], filters: { id: event.data.id } })
  const order = data[0] as unknown as { id: string; display_id: number; customer_id: string | null; total: number; currency_code: string } | undefined
  if (!order?.customer_id) {
    return
  }
  await queueMessageWorkflow(container).run({
    input: {
      event: "order_placed",
      customer_id: order.customer_id,
      variables: {
        order_number: `#${order.display_id}`,
        total: order.currency_code === "inr" ? formatInr(amountToPaise(order.total)) : `${order.total} ${order.currency_code.toUpperCase()}`,
        // Opens the invoice without a login (it is issued on first open if the order's own run has not finished).
        invoice_link: invoiceLink(container, order.id),
      },
      idempotency_key: `order:${order.id}:placed`,
    },
  })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "message-on-order-placed" },
}
