import type { BigNumberInput } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { amountToPaise } from "../../../lib/money"
import { noteValue } from "../../../lib/razorpay"

export type RazorpayRefundInput = {
  /** The Medusa payment session the refunded payment belongs to. */
  session_id: string
  razorpay_payment_id: string
  /** What Razorpay has captured of the payment (the webhook's payment entity). */
  razorpay_captured_paise: number
  refund: { id: string; amount: number; notes?: Record<string, unknown> | unknown[] | null }
}

export type RefundPlan =
  | { action: "ignore"; reason: string }
  | { action: "record"; payment_id: string; refund_id: string; refund_paise: number; capture_first_paise: number; refunded_before_paise: number }

type PaymentRow = {
  id: string
  data: Record<string, unknown> | null
  captures?: { raw_amount?: BigNumberInput; amount: BigNumberInput }[]
  refunds?: { raw_amount?: BigNumberInput; amount: BigNumberInput }[]
}

const sum = (rows: { raw_amount?: BigNumberInput; amount: BigNumberInput }[] = []) => rows.reduce((s, r) => s + amountToPaise(r.raw_amount ?? r.amount), 0)

/**
 * Whether a refund Razorpay reports is news to Medusa: one the shop made
 * (its Medusa refund id in the notes) or recorded before is not. A refund
 * that arrives before the capture it refunds is recorded after that capture.
 */
export const planRazorpayRefundStep = createStep("plan-razorpay-refund", async (input: RazorpayRefundInput, { container }) => {
  if (noteValue(input.refund.notes, "medusa_refund_id")) {
    return new StepResponse<RefundPlan>({ action: "ignore", reason: "made by the shop" })
  }
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "payment",
    fields: ["id", "data", "captures.amount", "captures.raw_amount", "refunds.amount", "refunds.raw_amount"],
    filters: { payment_session_id: input.session_id },
  })
  const payment = data[0] as unknown as PaymentRow | undefined
  if (!payment) {
    return new StepResponse<RefundPlan>({ action: "ignore", reason: "no Medusa payment for this session yet" })
  }
  const recorded = ((payment.data?.refunds ?? []) as { id: string }[]).some((r) => r.id === input.refund.id)
  if (recorded) {
    return new StepResponse<RefundPlan>({ action: "ignore", reason: "recorded already" })
  }
  const captured = sum(payment.captures)
  const refunded = sum(payment.refunds)
  if (!captured && !input.razorpay_captured_paise) {
    return new StepResponse<RefundPlan>({ action: "ignore", reason: "an authorisation Razorpay gave back (never captured)" })
  }
  return new StepResponse<RefundPlan>({
    action: "record",
    payment_id: payment.id,
    refund_id: input.refund.id,
    refund_paise: input.refund.amount,
    // Razorpay's capture comes first when Medusa has not recorded it yet (its webhook may still be on the way).
    capture_first_paise: refunded + input.refund.amount > captured ? Math.max(0, input.razorpay_captured_paise - captured) : 0,
    refunded_before_paise: refunded,
  })
})
