import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  capturePaymentWorkflow,
  createOrderPaymentCollectionWorkflow,
  refundPaymentWorkflow,
  releaseLockStep,
  updatePaymentCollectionStep,
} from "@medusajs/medusa/core-flows"
import { PaymentCollectionStatus } from "@medusajs/framework/utils"
import { formatInr, paiseToAmount } from "../../lib/money"
import { recordAuditStep } from "../audit"
import { queueMessageWorkflow } from "../messaging"
import { createLinkSessionStep } from "./steps/create-link-session"
import { planPaymentLinkStep, type PaymentLinkInput } from "./steps/plan-payment-link"
import { recordPaymentLinkStep } from "./steps/record-payment-link"
import type { WebhookEventInput } from "../../modules/pos/service"
import { adoptProviderRefundStep } from "./steps/adopt-provider-refund"
import { markPaymentLinkStep, type PaymentLinkOutcome } from "./steps/mark-payment-link"
import { noteWebhookOutcomeStep, type WebhookOutcome } from "./steps/note-webhook-outcome"
import { planRazorpayRefundStep, type RazorpayRefundInput } from "./steps/plan-razorpay-refund"
import { recordWebhookEventStep } from "./steps/record-webhook-event"
import { updatePaymentSessionDataStep } from "./steps/update-payment-session-data"
import { verifyRazorpayCheckoutStep, type RazorpayCheckoutInput } from "./steps/verify-razorpay-checkout"

export type { PaymentLinkInput, RazorpayCheckoutInput, RazorpayRefundInput, WebhookOutcome }

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
  releaseLockStep({ key })
  return new WorkflowResponse(plan)
})

/**
 * What became of a payment link (paid, expired, cancelled), marked once; a
 * paid link's counter-sale tender is marked paid too, and a link sent on its
 * own that expired or was cancelled takes its payment collection with it, so
 * the order no longer waits for it.
 */
export const markPaymentLinkWorkflow = createWorkflow("mark-payment-link", (input: PaymentLinkOutcome) => {
  const marked = markPaymentLinkStep(input)
  when({ marked }, ({ marked }) => !!marked.payment_collection_id).then(() => {
    // Nothing was paid on it: the collection is cancelled (Medusa leaves cancelled collections out of the order's payment status).
    updatePaymentCollectionStep({
      selector: transform({ marked }, ({ marked }) => ({ id: marked.payment_collection_id! })),
      update: { status: PaymentCollectionStatus.CANCELED },
    })
  })
  return new WorkflowResponse(marked)
})

/**
 * A Razorpay payment link for (part of) an order's balance, sent to the
 * customer by SMS or WhatsApp through the outbox. Under a lock on the order:
 * an unpaid link that already covers the balance is answered again instead
 * of a second one; a new link gets a payment collection of its own on the
 * order, so its payment lands there when the customer pays.
 */
export const createPaymentLinkWorkflow = createWorkflow("create-payment-link", (input: PaymentLinkInput & { shop_name: string }) => {
  const key = transform({ input }, ({ input }) => `payment-link:${input.order_id}`)
  acquireLockStep({ key, timeout: 30, ttl: 120 })
  const plan = planPaymentLinkStep(input)
  const created = when("new-payment-link", { plan }, ({ plan }) => !plan.existing_link_id).then(() => {
    const collections = createOrderPaymentCollectionWorkflow.runAsStep({
      input: transform({ plan }, ({ plan }) => ({ order_id: plan.order.id, amount: paiseToAmount(plan.amount_paise) })),
    })
    const session = createLinkSessionStep(transform({ collections, plan, input }, ({ collections, plan, input }) => ({ payment_collection_id: collections[0].id, plan, shop_name: input.shop_name })))
    const link = recordPaymentLinkStep(
      transform({ collections, plan, session, input }, ({ collections, plan, session, input }) => ({
        order_id: plan.order.id,
        customer_id: plan.customer.id,
        payment_collection_id: collections[0].id,
        payment_session_id: session.payment_session_id,
        razorpay_payment_link_id: session.razorpay_payment_link_id,
        short_url: session.short_url,
        amount_paise: plan.amount_paise,
        expires_at: session.expires_at,
        channel: input.channel ?? null,
        user_id: input.user_id ?? null,
      }))
    )
    queueMessageWorkflow.runAsStep({
      input: transform({ plan, session, input }, ({ plan, session, input }) => ({
        event: "payment_link",
        customer_id: plan.customer.id,
        ...(input.channel ? { channel: input.channel } : {}),
        variables: { amount: formatInr(plan.amount_paise), order_number: `#${plan.order.display_id}`, link: session.short_url },
        idempotency_key: `payment-link:${session.razorpay_payment_link_id}:sent`,
      })),
    })
    return link
  })
  releaseLockStep({ key })
  return new WorkflowResponse(transform({ plan, created }, ({ plan, created }) => ({ link_id: (plan.existing_link_id ?? created?.id)!, existing: !!plan.existing_link_id })))
})
