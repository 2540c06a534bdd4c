import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { runLockOwner } from "../../locking"
import { formatInr } from "../../../lib/money"
import { queueMessageWorkflow } from "../../messaging/workflows/queue-message"
import { createSchemeRazorpayLinkStep } from "../steps/create-scheme-razorpay-link"
import { prepareSchemePaymentLinkStep, type SendSchemePaymentLinkInput } from "../steps/prepare-scheme-payment-link"
import { saveSchemePaymentLinkStep } from "../steps/save-scheme-payment-link"

/**
 * A Razorpay payment link for a scheme card's next instalment, under a lock on the card: one link an
 * instalment while it is unpaid (asked again, the same link). Asked by staff, it is sent to the customer by
 * SMS/WhatsApp through the outbox; asked by the customer on the storefront, it is answered to them. Paid, the
 * webhook makes it the instalment (recordSchemeLinkPaymentWorkflow).
 */
export const sendSchemePaymentLinkWorkflow = createWorkflow("send-scheme-payment-link", (input: SendSchemePaymentLinkInput) => {
  const lockKey = transform({ input }, ({ input }) => `scheme-link:${input.enrolment_id}`)
  const lockOwner = runLockOwner()
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 60, ownerId: lockOwner })
  const plan = prepareSchemePaymentLinkStep(input)
  const made = when("new-scheme-payment-link", { plan }, ({ plan }) => !plan.existing).then(() => {
    const link = createSchemeRazorpayLinkStep(plan)
    const saved = saveSchemePaymentLinkStep(transform({ input, plan, link }, (data) => data))
    return transform({ link, saved }, (data) => data)
  })
  when("send-scheme-payment-link-message", { input, made }, ({ input, made }) => !!made && input.requested_by === "staff").then(() => {
    queueMessageWorkflow.runAsStep({
      input: transform({ input, plan, made }, ({ input, plan, made }) => ({
        event: "scheme_payment_link",
        customer_id: plan.card.customer_id,
        ...(input.channel ? { channel: input.channel } : {}),
        variables: {
          amount: formatInr(plan.amount_paise),
          scheme: plan.card.template_name,
          card_number: plan.card.number,
          sequence: plan.sequence,
          instalments: plan.card.instalments,
          link: made!.link.short_url,
        },
        idempotency_key: `scheme-link:${made!.link.id}:sent`,
      })),
    })
  })
  releaseLockStep({ key: lockKey, ownerId: lockOwner })
  return new WorkflowResponse(transform({ plan, made }, ({ plan, made }) => ({ link: (made?.saved ?? plan.existing)!, created: !!made })))
})
