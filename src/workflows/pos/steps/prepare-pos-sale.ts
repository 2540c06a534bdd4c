import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { formatInr } from "../../../lib/money"
import { settleBill } from "../../../lib/pos"
import { quotePosSale, type PosSaleInput, type PosSalePlan } from "../utils/quote-pos-sale"

/**
 * The sale checked before anything is written: the quote, and the tenders
 * settling its bill exactly (change from cash only; under the s.269ST cash
 * limit with what the customer paid in cash earlier today). Reads only.
 */
export const preparePosSaleStep = createStep("prepare-pos-sale", async (input: PosSaleInput, { container }) => {
  const { points_limit: _limit, points_balance: _balance, cash_today_paise: cashToday, ...quote } = await quotePosSale(container, input)
  const { settlement, problem } = settleBill({ total_paise: quote.total_paise, points_paise: quote.points_paise, tenders: input.tenders, cash_today_paise: cashToday })
  if (problem) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `${problem.charAt(0).toUpperCase()}${problem.slice(1)} (bill ${formatInr(quote.total_paise)})`)
  }
  return new StepResponse<PosSalePlan>({ ...quote, settlement: settlement! })
})
