import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { formatInr } from "../../../lib/money"
import { CASH_LIMIT_PAISE } from "../../../lib/pos"
import { SAVINGS_SCHEME_MODULE } from "../../../modules/savings-scheme"
import type SavingsSchemeModuleService from "../../../modules/savings-scheme/service"
import type { SchemeTender } from "../../../modules/savings-scheme/service"
import { takeInstalmentToday } from "../utils/take-instalment"

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
    const result = await takeInstalmentToday(container, input)
    return new StepResponse(result, result.created ? result.instalment.id : null)
  },
  async (instalmentId, { container }) => {
    if (instalmentId) {
      await container.resolve<SavingsSchemeModuleService>(SAVINGS_SCHEME_MODULE).softDeleteSchemeInstalments([instalmentId])
    }
  }
)
