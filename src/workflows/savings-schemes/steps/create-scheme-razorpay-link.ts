import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { razorpaySecrets } from "../../../lib/payment-settings"
import { callRazorpay as call, createRazorpayClient } from "../../../modules/payment-razorpay/client"
import type { SchemeLinkPlan } from "./prepare-scheme-payment-link"

/** Razorpay's client with the shop's keys (and, in tests, a loopback origin), as the payment provider makes it. */
function razorpay() {
  const secrets = razorpaySecrets()
  if (!secrets) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Razorpay is not set up (RAZORPAY_KEY_ID, RAZORPAY_KEY_SECRET)")
  }
  return createRazorpayClient({ key_id: secrets.key_id, key_secret: secrets.key_secret, api_base: process.env.RAZORPAY_API_BASE || undefined })
}

export type SchemeRazorpayLink = { id: string; short_url: string }

/**
 * The payment link on Razorpay's side, through its official SDK: the instalment's amount, the card in its
 * notes (how the webhook finds it), Razorpay's own messages off (the shop sends the link). Undone by
 * cancelling the link.
 */
export const createSchemeRazorpayLinkStep = createStep(
  "create-scheme-razorpay-link",
  async (plan: SchemeLinkPlan) => {
    const link = await call<SchemeRazorpayLink>("create the payment link", () =>
      razorpay().paymentLink.create({
        amount: plan.amount_paise,
        currency: "INR",
        accept_partial: false,
        description: `Instalment ${plan.sequence} of ${plan.card.instalments}, ${plan.card.template_name} card ${plan.card.number}`.slice(0, 2048),
        customer: {
          ...(plan.customer.name ? { name: plan.customer.name } : {}),
          ...(plan.customer.email ? { email: plan.customer.email } : {}),
          ...(plan.customer.phone ? { contact: plan.customer.phone } : {}),
        },
        notify: { sms: false, email: false },
        reminder_enable: false,
        notes: { scheme_enrolment_id: plan.card.id, scheme_sequence: String(plan.sequence) },
      } as never)
    )
    return new StepResponse({ id: link.id, short_url: link.short_url }, link.id)
  },
  async (linkId) => {
    if (linkId) {
      await call("cancel the payment link", () => razorpay().paymentLink.cancel(linkId)).catch(() => undefined)
    }
  }
)
