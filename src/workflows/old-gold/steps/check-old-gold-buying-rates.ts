import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TESTABLE_PURITY } from "../../../lib/old-gold"
import type { CreateBuyingRatesStepInput } from "./create-old-gold-buying-rates"

/** Each rate names a purity its metal can be bought at and a price of at least a paisa; the problems are named by position. */
export const checkOldGoldBuyingRatesStep = createStep("check-old-gold-buying-rates", async (rates: CreateBuyingRatesStepInput) => {
  const problems = rates.flatMap((r, i) => {
    const range = TESTABLE_PURITY[r.metal]
    return [
      ...(range && (r.purity < range.min || r.purity > range.max) ? [`rates[${i}].purity for ${r.metal} must be ${range.min}–${range.max}`] : []),
      ...(!Number.isSafeInteger(r.rate_per_g_paise) || r.rate_per_g_paise < 1 ? [`rates[${i}].rate_per_g_paise must be a whole number of paise above 0`] : []),
    ]
  })
  if (problems.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.join("; "))
  }
  return new StepResponse(true)
})
