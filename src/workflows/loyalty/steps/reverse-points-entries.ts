import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import type { PointsReversal } from "./compute-return-reversals"

/**
 * Posts the reversals (each idempotent by its key). Compensation undoes the
 * ones this run posted, so a failure leaves the ledger as it was.
 */
export const reversePointsEntriesStep = createStep(
  "reverse-points-entries",
  async (reversals: PointsReversal[], { container }) => {
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const posted: { entry_id: string; key: string }[] = []
    try {
      for (const reversal of reversals) {
        const result = await loyalty.reverseEntry(reversal)
        if (!result.replayed) {
          posted.push({ entry_id: result.entry.id, key: reversal.idempotency_key })
        }
      }
    } catch (err) {
      await undo(loyalty, posted)
      throw err
    }
    return new StepResponse(posted.length, posted)
  },
  async (posted, { container }) => {
    if (posted?.length) {
      await undo(container.resolve<LoyaltyModuleService>(LOYALTY_MODULE), posted)
    }
  }
)

async function undo(loyalty: LoyaltyModuleService, posted: { entry_id: string; key: string }[]) {
  for (const { entry_id, key } of posted) {
    await loyalty.reverseEntry({ entry_id, idempotency_key: `${key}:undo`, reason: "undone: the operation failed" })
  }
}
