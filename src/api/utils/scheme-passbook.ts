import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { istToday } from "../../lib/pos"
import { redeemableValuePaise } from "../../lib/savings-schemes"
import { SAVINGS_SCHEME_MODULE } from "../../modules/savings-scheme"
import type SavingsSchemeModuleService from "../../modules/savings-scheme/service"
import { schemeGoldRate } from "../../workflows/savings-schemes"

/** A card's passbook as the routes answer it: the card, its instalments, the statement today and what it is worth against a purchase today. */
export async function passbookView(container: MedusaContainer, id: string) {
  const schemes: SavingsSchemeModuleService = container.resolve(SAVINGS_SCHEME_MODULE)
  const passbook = await schemes.passbook(id, istToday())
  if (!passbook) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Scheme card "${id}" was not found`)
  }
  const { enrolment, instalments, statement, due_on } = passbook
  const [rate, links] = await Promise.all([
    enrolment.status === "active" ? schemeGoldRate(container, enrolment.branch_id, enrolment.terms) : null,
    schemes.listSchemePaymentLinks({ enrolment_id: enrolment.id }, { order: { created_at: "DESC" }, take: 20 }),
  ])
  const worth = enrolment.status !== "active" ? 0 : enrolment.terms.kind === "amount" || rate ? redeemableValuePaise(enrolment.terms, statement, rate) : null
  return {
    ...enrolment,
    schedule: due_on.map((day, i) => ({ sequence: i + 1, due_on: day, paid: i < instalments.length })),
    instalments,
    statement,
    /** What a scheme tender of this card must be today (null: no selling rate published for a weight scheme's purity). */
    redeemable_value_paise: worth,
    redeemable_rate_per_g_paise: rate,
    /** Payment links sent for its instalments, newest first (an `unapplied` one was paid but could not be an instalment: refund it). */
    payment_links: links.map(paymentLinkView),
  }
}

/** A scheme's payment link as the routes answer it. */
export function paymentLinkView(l: { id: string; sequence: number; amount_paise: unknown; short_url: string; status: string; problem: string | null; instalment_id: string | null; created_at: Date | string; paid_at: Date | string | null }) {
  return {
    id: l.id,
    sequence: l.sequence,
    amount_paise: Number(l.amount_paise),
    short_url: l.short_url,
    status: l.status,
    problem: l.problem,
    instalment_id: l.instalment_id,
    created_at: l.created_at,
    paid_at: l.paid_at,
  }
}
