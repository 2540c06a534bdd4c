import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { amountToPaise, formatInr } from "../lib/money"
import { queueMessageWorkflow } from "../workflows/messaging"

type PaymentRow = { id: string; currency_code: string; payment_collection_id: string; captures?: { id: string; amount: number; created_at: string }[] }

/** "We received ₹X for order #N" for each capture of a payment on an order (keyed by the capture). */
export default async function messageOnPaymentCaptured({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: payments } = await query.graph({
    entity: "payment",
    fields: ["id", "currency_code", "payment_collection_id", "captures.id", "captures.amount", "captures.created_at"],
    filters: { id: event.data.id },
  })
  const payment = payments[0] as unknown as PaymentRow | undefined
  const capture = [...(payment?.captures ?? [])].sort((a, b) => String(a.created_at).localeCompare(String(b.created_at))).pop()
  if (!payment || !capture) {
    return
  }
  const { data: links } = await query.graph({ entity: "order_payment_collection", fields: ["order_id"], filters: { payment_collection_id: payment.payment_collection_id } })
  const orderId = (links[0] as { order_id?: string } | undefined)?.order_id
  const { data: orders } = orderId ? await query.graph({ entity: "order", fields: ["id", "display_id", "customer_id"], filters: { id: orderId } }) : { data: [] }
  const order = orders[0] as unknown as { id: string; display_id: number; customer_id: string | null } | undefined
  if (!order?.customer_id) {
    return
  }
  await queueMessageWorkflow(container).run({
    input: {
      event: "payment_received",
      customer_id: order.customer_id,
      variables: {
        amount: payment.currency_code === "inr" ? formatInr(amountToPaise(capture.amount)) : `${capture.amount} ${payment.currency_code.toUpperCase()}`,
        order_number: `#${order.display_id}`,
      },
      idempotency_key: `capture:${capture.id}:received`,
    },
  })
}

export const config: SubscriberConfig = {
  event: "payment.captured",
  context: { subscriberId: "message-on-payment-captured" },
}
