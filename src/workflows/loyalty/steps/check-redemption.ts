import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { redemptionProblem } from "../../../lib/loyalty"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"

export type CheckRedemptionInput = { customer_id: string; points: number; order_total_paise?: number; idempotency_key: string }

/**
 * The program's limits (minimum balance, share of an order). The balance
 * itself is checked again under the account lock when the points are taken;
 * a key already posted skips the check so a retry answers as the first did.
 */
export const checkRedemptionStep = createStep("check-redemption", async (input: CheckRedemptionInput, { container }) => {
  const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  const [posted] = await loyalty.listPointsEntries({ idempotency_key: input.idempotency_key }, { select: ["id"] })
  if (posted) {
    return new StepResponse(true)
  }
  const [account] = await loyalty.listLoyaltyAccounts({ customer_id: input.customer_id }, { select: ["balance"] })
  const problem = redemptionProblem(input.points, account?.balance ?? 0, await loyalty.currentProgram(), input.order_total_paise)
  if (problem) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, problem.charAt(0).toUpperCase() + problem.slice(1))
  }
  return new StepResponse(true)
})
