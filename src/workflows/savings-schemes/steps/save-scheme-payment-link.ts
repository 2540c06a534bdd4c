import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SAVINGS_SCHEME_MODULE } from "../../../modules/savings-scheme"
import type SavingsSchemeModuleService from "../../../modules/savings-scheme/service"
import type { SchemeLinkPlan, SendSchemePaymentLinkInput } from "./prepare-scheme-payment-link"
import type { SchemeRazorpayLink } from "./create-scheme-razorpay-link"

/** Keeps the link beside the card; undone by deleting it. */
export const saveSchemePaymentLinkStep = createStep(
  "save-scheme-payment-link",
  async ({ input, plan, link }: { input: SendSchemePaymentLinkInput; plan: SchemeLinkPlan; link: SchemeRazorpayLink }, { container }) => {
    const saved = await container.resolve<SavingsSchemeModuleService>(SAVINGS_SCHEME_MODULE).createSchemePaymentLinks({
      enrolment_id: plan.card.id,
      customer_id: plan.card.customer_id,
      branch_id: plan.card.branch_id,
      sequence: plan.sequence,
      amount_paise: plan.amount_paise,
      razorpay_payment_link_id: link.id,
      short_url: link.short_url,
      channel: input.requested_by === "staff" ? (input.channel ?? null) : null,
      requested_by: input.requested_by,
      user_id: input.user_id ?? null,
    })
    return new StepResponse(saved, saved.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<SavingsSchemeModuleService>(SAVINGS_SCHEME_MODULE).deleteSchemePaymentLinks(id)
    }
  }
)
