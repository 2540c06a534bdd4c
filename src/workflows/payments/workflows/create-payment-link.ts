import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, createOrderPaymentCollectionWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import { runLockOwner } from "../../locking"
import { formatInr, paiseToAmount } from "../../../lib/money"
import { queueMessageWorkflow } from "../../messaging/workflows/queue-message"
import { createLinkSessionStep } from "../steps/create-link-session"
import { planPaymentLinkStep, type PaymentLinkInput } from "../steps/plan-payment-link"
import { recordPaymentLinkStep } from "../steps/record-payment-link"

export type { PaymentLinkInput }

/**
 * A Razorpay payment link for (part of) an order's balance, sent to the
 * customer by SMS or WhatsApp through the outbox. Under a lock on the order:
 * an unpaid link that already covers the balance is answered again instead
 * of a second one; a new link gets a payment collection of its own on the
 * order, so its payment lands there when the customer pays.
 */
export const createPaymentLinkWorkflow = createWorkflow("create-payment-link", (input: PaymentLinkInput & { shop_name: string }) => {
  const key = transform({ input }, ({ input }) => `payment-link:${input.order_id}`)
  const lockOwner = runLockOwner()
  acquireLockStep({ key, timeout: 30, ttl: 120, ownerId: lockOwner })
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
  releaseLockStep({ key, ownerId: lockOwner })
  return new WorkflowResponse(transform({ plan, created }, ({ plan, created }) => ({ link_id: (plan.existing_link_id ?? created?.id)!, existing: !!plan.existing_link_id })))
})
