import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import type { AccountsMerge } from "../../../modules/loyalty/service"

/**
 * A merge's points: the merged customers' ledger entries and balances move to the survivor's account (lots and
 * expiry dates as they were), so no point is stranded on a retired customer. Compensation puts them back.
 */
export const moveLoyaltyPointsStep = createStep(
  "move-loyalty-points",
  async ({ survivor_id, merged_ids }: { survivor_id: string; merged_ids: string[] }, { container }) => {
    const merge = await container.resolve<LoyaltyModuleService>(LOYALTY_MODULE).mergeAccounts(survivor_id, merged_ids)
    return new StepResponse<{ loyalty_points: number; loyalty_entries: number }, AccountsMerge>(
      { loyalty_points: merge.points, loyalty_entries: merge.moved.reduce((sum, m) => sum + m.entry_ids.length, 0) },
      merge
    )
  },
  async (merge, { container }) => {
    if (merge) {
      await container.resolve<LoyaltyModuleService>(LOYALTY_MODULE).unmergeAccounts(merge)
    }
  }
)
