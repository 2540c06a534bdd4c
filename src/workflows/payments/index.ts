import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, capturePaymentWorkflow, refundPaymentWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import { paiseToAmount } from "../../lib/money"
import type { WebhookEventInput } from "../../modules/pos/service"
import { adoptProviderRefundStep } from "./steps/adopt-provider-refund"
import { noteWebhookOutcomeStep, type WebhookOutcome } from "./steps/note-webhook-outcome"
import { planRazorpayRefundStep, type RazorpayRefundInput } from "./steps/plan-razorpay-refund"
import { recordWebhookEventStep } from "./steps/record-webhook-event"
import { updatePaymentSessionDataStep } from "./steps/update-payment-session-data"
import { verifyRazorpayCheckoutStep, type RazorpayCheckoutInput } from "./steps/verify-razorpay-checkout"

export type { RazorpayCheckoutInput, RazorpayRefundInput, WebhookOutcome }

/** Keeps a provider's webhook delivery once per event id; says whether it is a repeat. */
export const recordPaymentWebhookWorkflow = createWorkflow("record-payment-webhook", (input: WebhookEventInput) => {
  return new WorkflowResponse(recordWebhookEventStep(input))
})

/** Notes what came of a webhook delivery. */
export const notePaymentWebhookWorkflow = createWorkflow("note-payment-webhook", (input: WebhookOutcome) => {
  return new WorkflowResponse(noteWebhookOutcomeStep(input))
})

/**
 * The checkout widget's answer for a cart's Razorpay payment: the signature
 * is checked, then the payment id and signature join the session, so the
 * cart's completion authorises that payment. A forged signature changes
 * nothing.
 */
export const attachRazorpayCheckoutWorkflow = createWorkflow("attach-razorpay-checkout", (input: RazorpayCheckoutInput) => {
  const session = verifyRazorpayCheckoutStep(input)
  const updated = updatePaymentSessionDataStep(
    transform({ session, input }, ({ session, input }) => ({
      session,
      data: { razorpay_payment_id: input.razorpay_payment_id, razorpay_signature: input.razorpay_signature },
    }))
  )
  return new WorkflowResponse(updated)
})

/**
 * A refund Razorpay reports (refund.processed) that the shop did not make
 * through Medusa — one from Razorpay's dashboard — recorded on the Medusa
 * payment once, however often and in whatever order the events come: under
 * a lock on the payment, a refund already known is left alone, and a refund
 * of a capture Medusa has not recorded yet records that capture first.
 */
export const recordRazorpayRefundWorkflow = createWorkflow("record-razorpay-refund", (input: RazorpayRefundInput) => {
  const key = transform({ input }, ({ input }) => `razorpay-payment:${input.razorpay_payment_id}`)
  acquireLockStep({ key, timeout: 30, ttl: 120 })
  const plan = planRazorpayRefundStep(input)
  when({ plan }, ({ plan }) => plan.action === "record" && plan.capture_first_paise > 0).then(() => {
    capturePaymentWorkflow.runAsStep({
      input: transform({ plan }, ({ plan }) => {
        const p = plan as Extract<typeof plan, { action: "record" }>
        return { payment_id: p.payment_id, amount: paiseToAmount(p.capture_first_paise) }
      }),
    })
  })
  when({ plan }, ({ plan }) => plan.action === "record").then(() => {
    const record = transform({ plan }, ({ plan }) => plan as Extract<typeof plan, { action: "record" }>)
    adoptProviderRefundStep(
      transform({ record }, ({ record }) => ({ payment_id: record.payment_id, refund_id: record.refund_id, amount_paise: record.refund_paise }))
    )
    refundPaymentWorkflow.runAsStep({
      input: transform({ record }, ({ record }) => ({
        payment_id: record.payment_id,
        amount: paiseToAmount(record.refund_paise),
        note: `Refunded in Razorpay (${record.refund_id})`,
      })),
    })
  })
  releaseLockStep({ key })
  return new WorkflowResponse(plan)
})
