import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { formatInr } from "../../../lib/money"
import { CASH_LIMIT_PAISE, istToday } from "../../../lib/pos"
import { SAVINGS_SCHEME_MODULE } from "../../../modules/savings-scheme"
import type SavingsSchemeModuleService from "../../../modules/savings-scheme/service"
import type { SchemeTender } from "../../../modules/savings-scheme/service"
import { schemeGoldRate } from "../utils/selling-rate"

export type PaySchemeInstalmentInput = {
  idempotency_key: string
  enrolment_id: string
  amount_paise: number
  tender: SchemeTender
  reference: string | null
  branch_id: string
  user_id: string | null
}

/**
 * Takes the next instalment on today's date in India (a weight scheme's buys gold at today's selling rate of
 * its purity at the branch); once per idempotency key. An instalment this run took is withdrawn if a later
 * step fails.
 */
export const recordSchemeInstalmentStep = createStep(
  "record-scheme-instalment",
  async (input: PaySchemeInstalmentInput, { container }) => {
    if (input.tender === "cash" && input.amount_paise >= CASH_LIMIT_PAISE) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `tender: cash of ${formatInr(CASH_LIMIT_PAISE)} or more from one customer is not allowed (Income Tax Act s.269ST); take it by card or UPI`)
    }
    const schemes: SavingsSchemeModuleService = container.resolve(SAVINGS_SCHEME_MODULE)
    const [card] = await schemes.listSchemeEnrolments({ id: input.enrolment_id }, { select: ["id", "number", "terms"], take: 1 })
    if (!card) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Scheme card "${input.enrolment_id}" was not found`)
    }
    const terms = card.terms as { kind: string; purity: number | null }
    const rate = await schemeGoldRate(container, input.branch_id, terms)
    if (terms.kind === "weight" && !rate) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `no selling rate is published today for gold of purity ${terms.purity}: a weight scheme's instalment buys gold at it`)
    }
    const result = await schemes.payInstalment({ ...input, paid_on: istToday(), rate_per_g_paise: rate })
    return new StepResponse(result, result.created ? result.instalment.id : null)
  },
  async (instalmentId, { container }) => {
    if (instalmentId) {
      await container.resolve<SavingsSchemeModuleService>(SAVINGS_SCHEME_MODULE).softDeleteSchemeInstalments([instalmentId])
    }
  }
)
