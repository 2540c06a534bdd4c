import type { UpdatePaymentDTO } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/** The payment module updates a payment's data, though its DTO type names only the id. */
const withData = (id: string, data: Record<string, unknown>) => ({ id, data }) as UpdatePaymentDTO

/**
 * Marks a refund made at the provider (Razorpay's dashboard) on the payment's
 * data, so the refund Medusa records next adopts it instead of refunding
 * again; undone by putting the data back.
 */
export const adoptProviderRefundStep = createStep(
  "adopt-provider-refund",
  async (input: { payment_id: string; refund_id: string; amount_paise: number }, { container }) => {
    const payments = container.resolve(Modules.PAYMENT)
    const payment = await payments.retrievePayment(input.payment_id, { select: ["id", "data"] })
    const data = (payment.data ?? {}) as Record<string, unknown>
    await payments.updatePayment(withData(input.payment_id, { ...data, adopt_refund: { id: input.refund_id, amount_paise: input.amount_paise } }))
    return new StepResponse(null, { id: input.payment_id, data })
  },
  async (undo, { container }) => {
    if (undo) {
      await container.resolve(Modules.PAYMENT).updatePayment(withData(undo.id, undo.data))
    }
  }
)
