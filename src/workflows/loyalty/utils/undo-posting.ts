import type { MedusaContainer } from "@medusajs/framework/types"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import type { PostedEntry } from "../../../modules/loyalty/service"

/** What a step that posts keeps for its compensation; null for a replayed key. */
export type PostedUndo = { entry_id: string; key: string } | null

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
