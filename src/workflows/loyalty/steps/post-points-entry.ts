import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import type { PostEntryInput } from "../../../modules/loyalty/service"

/**
 * Posts a ledger entry (idempotent by its key). Compensation reverses it, so
 * a later failure in the same workflow leaves the points where they were;
 * a replayed key is not reversed, since this run did not post it.
 */
export const postPointsEntryStep = createStep(
  "post-points-entry",
  async (input: PostEntryInput, { container }) => {
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const posted = await loyalty.postEntry(input)
    return new StepResponse(posted, posted.replayed ? null : { entry_id: posted.entry.id, key: input.idempotency_key })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    await container
      .resolve<LoyaltyModuleService>(LOYALTY_MODULE)
      .reverseEntry({ entry_id: undo.entry_id, idempotency_key: `${undo.key}:undo`, reason: "undone: the operation failed" })
  }
)
