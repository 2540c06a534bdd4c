import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SAVINGS_SCHEME_MODULE } from "../../../modules/savings-scheme"
import type SavingsSchemeModuleService from "../../../modules/savings-scheme/service"
import type { InstalmentTaken } from "../../../modules/savings-scheme/service"
import { takeInstalmentToday } from "../utils/take-instalment"

export type SchemeLinkEventInput = {
  razorpay_payment_link_id: string
  outcome: "paid" | "expired" | "cancelled"
  razorpay_payment_id?: string | null
}

export type SchemeLinkApplied = { found: boolean; status: string | null; taken: InstalmentTaken | null; problem: string | null }

/**
 * What Razorpay reported about a scheme's payment link. Paid: the card's next instalment, once (the link is
 * its idempotency key), on the day it came in India — the one it was sent for, or the one after when the
 * counter took that meanwhile; a payment no instalment is left for (all paid, the scheme matured or redeemed)
 * keeps the link `unapplied` with the reason, for the shop to refund. Expired or cancelled: the link's status.
 * Undone by withdrawing the instalment this run took.
 */
export const applySchemeLinkPaymentStep = createStep(
  "apply-scheme-link-payment",
  async (input: SchemeLinkEventInput, { container }) => {
    const schemes = container.resolve<SavingsSchemeModuleService>(SAVINGS_SCHEME_MODULE)
    const [link] = await schemes.listSchemePaymentLinks({ razorpay_payment_link_id: input.razorpay_payment_link_id }, { take: 1 })
    if (!link) {
      return new StepResponse<SchemeLinkApplied, string | null>({ found: false, status: null, taken: null, problem: null }, null)
    }
    if (input.outcome !== "paid") {
      if (link.status === "created") {
        await schemes.updateSchemePaymentLinks({ id: link.id, status: input.outcome })
      }
      return new StepResponse<SchemeLinkApplied, string | null>({ found: true, status: link.status === "created" ? input.outcome : link.status, taken: null, problem: null }, null)
    }
    if (link.status === "paid" || link.status === "unapplied") {
      // Reported again: what the first report did stands.
      return new StepResponse<SchemeLinkApplied, string | null>({ found: true, status: link.status, taken: null, problem: link.problem }, null)
    }
    let taken: InstalmentTaken | null = null
    let problem: string | null = null
    try {
      taken = await takeInstalmentToday(container, {
        idempotency_key: `razorpay-link:${link.razorpay_payment_link_id}`,
        enrolment_id: link.enrolment_id,
        amount_paise: Number(link.amount_paise),
        tender: "razorpay",
        reference: input.razorpay_payment_id ?? link.razorpay_payment_link_id,
        branch_id: link.branch_id,
        user_id: null,
      })
    } catch (err) {
      // A refusal is the reason the money could not be an instalment; anything else is for the webhook to retry.
      if (!MedusaError.isMedusaError(err) || (err as MedusaError).type !== MedusaError.Types.INVALID_DATA) {
        throw err
      }
      problem = (err as Error).message
    }
    await schemes.updateSchemePaymentLinks({
      id: link.id,
      status: taken ? "paid" : "unapplied",
      instalment_id: taken?.instalment.id ?? null,
      razorpay_payment_id: input.razorpay_payment_id ?? null,
      problem,
      paid_at: link.paid_at ?? new Date(),
    })
    return new StepResponse<SchemeLinkApplied, string | null>({ found: true, status: taken ? "paid" : "unapplied", taken, problem }, taken?.created ? taken.instalment.id : null)
  },
  async (instalmentId, { container }) => {
    if (instalmentId) {
      await container.resolve<SavingsSchemeModuleService>(SAVINGS_SCHEME_MODULE).softDeleteSchemeInstalments([instalmentId])
    }
  }
)
