import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { CheckoutSession } from "./verify-razorpay-checkout"

/** Adds fields to a payment session's data through the payment module (and its provider); undone by putting the old data back. */
export const updatePaymentSessionDataStep = createStep(
  "update-payment-session-data",
  async ({ session, data }: { session: CheckoutSession; data: Record<string, unknown> }, { container }) => {
    const payment = container.resolve(Modules.PAYMENT)
    const updated = await payment.updatePaymentSession({
      id: session.id,
      amount: session.amount,
      currency_code: session.currency_code,
      data: { ...session.data, ...data },
    })
    return new StepResponse(updated, session)
  },
  async (session, { container }) => {
    if (session) {
      await container.resolve(Modules.PAYMENT).updatePaymentSession({ id: session.id, amount: session.amount, currency_code: session.currency_code, data: session.data })
    }
  }
)
