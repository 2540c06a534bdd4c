import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import type { RedeemPointsInput } from "../../../modules/loyalty/service"
import { postedUndo, undoPosting } from "../utils/undo-posting"

/**
 * Takes points in store: the program's limits checked, then deducted once
 * under the account lock (LoyaltyModuleService.redeemPoints). Compensation
 * gives the points back, so a later failure in the same workflow (a counter
 * sale that could not be placed) leaves the balance where it was.
 */
export const redeemPointsStep = createStep(
  "redeem-points",
  async (input: RedeemPointsInput, { container }) => {
    const posted = await container.resolve<LoyaltyModuleService>(LOYALTY_MODULE).redeemPoints(input)
    return new StepResponse(posted, postedUndo(posted, input.idempotency_key))
  },
  (undo, { container }) => undoPosting(undo, container)
)
