import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import type { PostedEntry, PostEntryInput } from "../../../modules/loyalty/service"

type PostedUndo = { entry_id: string; key: string } | null

/** What undoes a posting of this run: a replayed key is not reversed, since this run did not post it. */
export function postedUndo(posted: PostedEntry, idempotencyKey: string): PostedUndo {
  return posted.replayed ? null : { entry_id: posted.entry.id, key: idempotencyKey }
}

/** Reverses a posting this run made (the compensation of every step that posts), under a key of its own. */
export async function undoPosting(undo: PostedUndo | undefined, container: MedusaContainer): Promise<void> {
  if (!undo) {
    return
  }
  await container
    .resolve<LoyaltyModuleService>(LOYALTY_MODULE)
    .reverseEntry({ entry_id: undo.entry_id, idempotency_key: `${undo.key}:undo`, reason: "undone: the operation failed" })
}

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
