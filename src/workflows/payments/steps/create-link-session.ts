import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { formatInr, paiseToAmount } from "../../../lib/money"
import { RAZORPAY_PROVIDER_ID } from "../../../lib/payment-settings"
import type { PaymentLinkPlan } from "./plan-payment-link"

export type LinkSession = { payment_session_id: string; razorpay_payment_link_id: string; short_url: string; expires_at: Date | null }

/**
 * A Razorpay payment session in link mode on the order's payment collection:
 * Razorpay makes the link (reference = the session, so its payment finds
 * its way back). Undone by removing the session, which cancels the link.
 */
export const createLinkSessionStep = createStep(
  "create-link-session",
  async (input: { payment_collection_id: string; plan: PaymentLinkPlan; shop_name: string }, { container }) => {
    const payments = container.resolve(Modules.PAYMENT)
    const { plan } = input
    const session = await payments.createPaymentSession(input.payment_collection_id, {
      provider_id: RAZORPAY_PROVIDER_ID,
      currency_code: "inr",
      amount: paiseToAmount(plan.amount_paise),
      data: {
        mode: "payment_link",
        description: `${formatInr(plan.amount_paise)} for order #${plan.order.display_id} at ${input.shop_name}`,
        customer: { name: plan.customer.name, ...(plan.customer.email ? { email: plan.customer.email } : {}), ...(plan.customer.phone ? { contact: plan.customer.phone } : {}) },
        expire_by: plan.expire_by,
        notes: { order_id: plan.order.id },
      },
    })
    const data = session.data as { razorpay_payment_link_id: string; short_url: string; expire_by?: number }
    const link: LinkSession = { payment_session_id: session.id, razorpay_payment_link_id: data.razorpay_payment_link_id, short_url: data.short_url, expires_at: data.expire_by ? new Date(data.expire_by * 1000) : null }
    return new StepResponse(link, session.id)
  },
  async (sessionId, { container }) => {
    if (sessionId) {
      await container.resolve(Modules.PAYMENT).deletePaymentSession(sessionId)
    }
  }
)
