import type { BigNumberInput } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { amountToPaise, formatInr } from "../../../lib/money"
import { razorpaySecrets } from "../../../lib/payment-settings"
import { RAZORPAY_MIN_PAISE } from "../../../lib/razorpay"
import { POS_MODULE } from "../../../modules/pos"
import type PosModuleService from "../../../modules/pos/service"

export type PaymentLinkInput = {
  order_id: string
  /** Part of the balance; the whole balance still to be covered when left out. */
  amount_paise?: number
  channel?: "sms" | "whatsapp"
  expires_in_days?: number
  user_id?: string | null
}

export type PaymentLinkPlan = {
  order: { id: string; display_id: number }
  customer: { id: string | null; name: string; email: string | null; phone: string | null }
  amount_paise: number
  expire_by: number
  /** An unpaid link already covering the balance: answered instead of a new one. */
  existing_link_id: string | null
}

type OrderRow = {
  id: string
  display_id: number
  currency_code: string
  status: string
  total: BigNumberInput
  transactions?: { amount: BigNumberInput; raw_amount?: BigNumberInput }[]
  customer?: { id: string; first_name: string | null; last_name: string | null; email: string | null; phone: string | null; customer_profile?: { phone: string | null } | null } | null
}

/**
 * What a payment link for an order should ask: the order's balance (its
 * total less what its transactions brought in) less unpaid links already
 * out for it, or the
 * part staff ask for, never more. When unpaid links cover the balance
 * already, the newest is answered again. Reads only.
 */
export const planPaymentLinkStep = createStep("plan-payment-link", async (input: PaymentLinkInput, { container }) => {
  if (!razorpaySecrets()) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Razorpay is not configured on this shop (RAZORPAY_KEY_ID, RAZORPAY_KEY_SECRET); payment links need it")
  }
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: ["id", "display_id", "currency_code", "status", "total", "transactions.amount", "transactions.raw_amount", "customer.id", "customer.first_name", "customer.last_name", "customer.email", "customer.phone", "customer.customer_profile.phone"],
    filters: { id: input.order_id },
  })
  const order = data[0] as unknown as OrderRow | undefined
  if (!order) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id "${input.order_id}" was not found`)
  }
  if (order.status === "canceled") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Order #${order.display_id} is cancelled`)
  }
  if (order.currency_code !== "inr") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Payment links are in rupees; order #${order.display_id} is in ${order.currency_code.toUpperCase()}`)
  }
  // The order's total less what its transactions brought in (captures, less refunds).
  const paid = (order.transactions ?? []).reduce((sum, t) => sum + amountToPaise(t.raw_amount ?? t.amount), 0)
  const balance = Math.max(0, amountToPaise(order.total) - paid)
  const now = Date.now()
  const open = (await container.resolve<PosModuleService>(POS_MODULE).listPaymentLinks({ order_id: order.id, status: "created" }, { order: { created_at: "DESC" } })).filter(
    (l) => !l.expires_at || new Date(l.expires_at).getTime() > now
  )
  const covered = open.reduce((s, l) => s + Number(l.amount_paise), 0)
  const uncovered = balance - covered
  if (uncovered <= 0 && input.amount_paise === undefined) {
    if (open.length) {
      return new StepResponse<PaymentLinkPlan>({
        order: { id: order.id, display_id: order.display_id },
        customer: { id: order.customer?.id ?? null, name: "", email: null, phone: null },
        amount_paise: Number(open[0].amount_paise),
        expire_by: 0,
        existing_link_id: open[0].id,
      })
    }
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Order #${order.display_id} has nothing left to pay`)
  }
  const amount = input.amount_paise ?? uncovered
  if (amount > uncovered) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Order #${order.display_id} has ${formatInr(uncovered)} left to pay${covered ? ` beyond the ${formatInr(covered)} its open payment links ask` : ""}; a link for ${formatInr(amount)} is too much`
    )
  }
  if (amount < RAZORPAY_MIN_PAISE) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `A payment link must be for at least ${formatInr(RAZORPAY_MIN_PAISE)}`)
  }
  const c = order.customer
  return new StepResponse<PaymentLinkPlan>({
    order: { id: order.id, display_id: order.display_id },
    customer: {
      id: c?.id ?? null,
      name: [c?.first_name, c?.last_name].filter(Boolean).join(" ") || "Customer",
      email: c?.email ?? null,
      phone: c?.customer_profile?.phone ?? c?.phone ?? null,
    },
    amount_paise: amount,
    expire_by: Math.floor(now / 1000) + (input.expires_in_days ?? 7) * 86_400,
    existing_link_id: null,
  })
})
