import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, capturePaymentWorkflow, refundPaymentWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import { runLockOwner } from "../../locking"
import { paiseToAmount } from "../../../lib/money"
import { recordAuditStep } from "../../audit/steps/record-audit"
import { adoptProviderRefundStep } from "../steps/adopt-provider-refund"
import { findSessionCartStep } from "../steps/find-session-cart"
import { planRazorpayRefundStep, type RazorpayRefundInput } from "../steps/plan-razorpay-refund"

export type { RazorpayRefundInput }

/**
 * A refund Razorpay reports (refund.processed) that the shop did not make
 * through Medusa — one from Razorpay's dashboard — recorded on the Medusa
 * payment once, however often and in whatever order the events come: under
 * a lock on the payment, a refund already known is left alone, and a refund
 * of a capture Medusa has not recorded yet records that capture first. The
 * lock includes the one Medusa's processPaymentWorkflow takes (the session's
 * cart) when it captures on the payment.captured that comes with it, so the
 * two never capture the same payment at once.
 */
export const recordRazorpayRefundWorkflow = createWorkflow("record-razorpay-refund", (input: RazorpayRefundInput) => {
  const cartId = findSessionCartStep({ session_id: input.session_id })
  const key = transform({ input, cartId }, ({ input, cartId }) => [`razorpay-payment:${input.razorpay_payment_id}`, ...(cartId ? [cartId] : [])])
  const lockOwner = runLockOwner()
  // Deliveries of one refund come together (Razorpay repeats them); each waits its turn, as long as the others take on a
  // busy machine, rather than fail after the answer was sent and be lost.
  acquireLockStep({ key, timeout: 120, ttl: 180, ownerId: lockOwner })
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
    recordAuditStep({
      entries: transform({ record }, ({ record }) => [
        {
          actor_type: "system",
          actor_id: "razorpay",
          action: "payment.refunded",
          entity: "payment",
          entity_id: record.payment_id,
          changes: { refunded_paise: { before: record.refunded_before_paise, after: record.refunded_before_paise + record.refund_paise } },
          metadata: { refund_paise: record.refund_paise, razorpay_refund_id: record.refund_id, via: "razorpay webhook" },
        },
      ]),
    })
  })
  releaseLockStep({ key, ownerId: lockOwner })
  return new WorkflowResponse(plan)
})
