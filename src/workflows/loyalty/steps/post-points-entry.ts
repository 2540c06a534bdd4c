import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import type { PostEntryInput } from "../../../modules/loyalty/service"
import { postedUndo, undoPosting } from "../utils/undo-posting"

/**
 * Posts a ledger entry (idempotent by its key). Compensation reverses it, so
 * a later failure in the same workflow leaves the points where they were.
 */
export const postPointsEntryStep = createStep(
  "post-points-entry",
  async (input: PostEntryInput, { container }) => {
    const posted = await container.resolve<LoyaltyModuleService>(LOYALTY_MODULE).postEntry(input)
    return new StepResponse(posted, postedUndo(posted, input.idempotency_key))
  },
  (undo, { container }) => undoPosting(undo, container)
)
