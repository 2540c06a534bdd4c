import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { redemptionProblem } from "../../../lib/loyalty"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"

export type CheckRedemptionInput = { customer_id: string; points: number; order_total_paise?: number; idempotency_key: string }

/**
 * The limits that do not depend on the balance (whole points, the share of
 * the bill), and the program's minimum balance for the posting step, which
 * checks it and the balance under the account lock.
 */
export const checkRedemptionStep = createStep("check-redemption", async (input: CheckRedemptionInput, { container }) => {
  const program = await container.resolve<LoyaltyModuleService>(LOYALTY_MODULE).currentProgram()
  // The balance rules are checked by the posting step, under the account lock.
  const problem = redemptionProblem(input.points, null, program, input.order_total_paise)
  if (problem) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, problem.charAt(0).toUpperCase() + problem.slice(1))
  }
  return new StepResponse({ min_balance: program.min_balance_to_redeem })
})
