import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { paiseToAmount } from "../../../lib/money"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type MessagingModuleService from "../../../modules/messaging/service"

type LinkRow = {
  id: string
  order_id: string
  customer_id: string | null
  razorpay_payment_link_id: string
  short_url: string
  amount_paise: number
  status: string
  channel: string | null
  sale_id: string | null
  expires_at: Date | null
  paid_at: Date | null
  created_at: Date
}

/** Payment links as the API shows them (rupees), with the message that carried each. */
export async function paymentLinksView(container: MedusaContainer, filters: Record<string, unknown>, page: { limit: number; offset: number }) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "payment_link",
    fields: ["*"],
    filters,
    pagination: { skip: page.offset, take: page.limit, order: { created_at: "DESC" } },
  })
  const links = data as unknown as LinkRow[]
  const messages = links.length
    ? await container.resolve<MessagingModuleService>(MESSAGING_MODULE).listMessages({ idempotency_key: links.map((l) => `payment-link:${l.razorpay_payment_link_id}:sent`) })
    : []
  return {
    payment_links: links.map((l) => {
      const message = messages.find((m) => m.idempotency_key === `payment-link:${l.razorpay_payment_link_id}:sent`)
      return {
        id: l.id,
        order_id: l.order_id,
        customer_id: l.customer_id,
        razorpay_payment_link_id: l.razorpay_payment_link_id,
        short_url: l.short_url,
        amount: paiseToAmount(Number(l.amount_paise)),
        status: l.status,
        sale_id: l.sale_id,
        expires_at: l.expires_at,
        paid_at: l.paid_at,
        created_at: l.created_at,
        message: message ? { id: message.id, channel: message.channel, status: message.status, reason: message.reason } : null,
      }
    }),
    count: metadata?.count ?? links.length,
  }
}
