import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { razorpaySecrets } from "../../../lib/payment-settings"
import { istToday } from "../../../lib/pos"
import { SAVINGS_SCHEME_MODULE } from "../../../modules/savings-scheme"
import type SavingsSchemeModuleService from "../../../modules/savings-scheme/service"

export type SendSchemePaymentLinkInput = {
  enrolment_id: string
  /** Who asks: staff for the customer (the link is sent by SMS/WhatsApp), or the customer on the storefront. */
  requested_by: "staff" | "customer"
  /** For a customer's request: the signed-in customer, who must hold the card. */
  customer_id?: string | null
  user_id?: string | null
  channel?: "sms" | "whatsapp"
}

/** A scheme payment link as the module stores it. */
export type SchemePaymentLinkRow = Awaited<ReturnType<SavingsSchemeModuleService["listSchemePaymentLinks"]>>[number]

export type SchemeLinkPlan = {
  card: { id: string; number: string; customer_id: string; branch_id: string; template_name: string; instalments: number }
  sequence: number
  amount_paise: number
  customer: { name: string; email: string | null; phone: string | null }
  /** The unpaid link already made for this instalment, if any: one link an instalment while it is unpaid. */
  existing: SchemePaymentLinkRow | null
}

const refuse = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/**
 * A link for the card's next instalment, checked before anything is made: Razorpay set up, the card running and
 * the customer's, an instalment left to pay before maturity. Reads only.
 */
export const prepareSchemePaymentLinkStep = createStep("prepare-scheme-payment-link", async (input: SendSchemePaymentLinkInput, { container }) => {
  if (!razorpaySecrets()) {
    throw refuse("Razorpay is not set up (RAZORPAY_KEY_ID, RAZORPAY_KEY_SECRET): instalments are taken at the counter")
  }
  const schemes = container.resolve<SavingsSchemeModuleService>(SAVINGS_SCHEME_MODULE)
  const passbook = await schemes.passbook(input.enrolment_id, istToday())
  if (!passbook || (input.requested_by === "customer" && passbook.enrolment.customer_id !== input.customer_id)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Scheme card "${input.enrolment_id}" was not found`)
  }
  const { enrolment, statement } = passbook
  if (enrolment.status !== "active") {
    throw refuse(`Scheme ${enrolment.number} was redeemed; it takes no more instalments`)
  }
  if (statement.matured || statement.paid_count >= enrolment.terms.instalments) {
    throw refuse(`Scheme ${enrolment.number} has no instalment left to pay (${statement.paid_count} of ${enrolment.terms.instalments} paid${statement.matured ? ", matured" : ""})`)
  }
  const sequence = statement.paid_count + 1
  const [open] = await schemes.listSchemePaymentLinks({ enrolment_id: enrolment.id, sequence, status: "created" }, { take: 1 })
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "customer",
    fields: ["first_name", "last_name", "email", "phone", "customer_profile.phone"],
    filters: { id: enrolment.customer_id },
  })
  const c = data[0] as { first_name: string | null; last_name: string | null; email: string | null; phone: string | null; customer_profile?: { phone: string | null } | null } | undefined
  return new StepResponse<SchemeLinkPlan>({
    card: { id: enrolment.id, number: enrolment.number, customer_id: enrolment.customer_id, branch_id: enrolment.branch_id, template_name: enrolment.template_name, instalments: enrolment.terms.instalments },
    sequence,
    amount_paise: enrolment.terms.instalment_paise,
    customer: { name: [c?.first_name, c?.last_name].filter(Boolean).join(" "), email: c?.email ?? null, phone: c?.customer_profile?.phone ?? c?.phone ?? null },
    existing: open ?? null,
  })
})
