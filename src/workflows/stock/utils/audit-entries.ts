import type { AuditEntryInput } from "../../../modules/audit/service"
import type { StockMoveMade } from "../steps/move-branch-stock"

/** Who acts, from where: the audit entries' actor (the route's request). */
export type StockActor = Pick<AuditEntryInput, "actor_type" | "actor_id" | "ip" | "user_agent">

/** The document a stock move was made for: its id goes in the metadata as `<kind>_id`. */
export type StockDocument = { id: string; number: string; kind: "stock_transfer" | "approval_memo" }

/** One audit entry per piece whose stock a transfer or memo moved: the stocked quantity before → after at the branch. */
export function stockMoveEntries(actor: StockActor, action: string, document: StockDocument, moved: StockMoveMade[], branchId: string): AuditEntryInput[] {
  return moved.map((m) => ({
    ...actor,
    action,
    entity: "inventory_item",
    entity_id: m.inventory_item_id,
    branch_id: branchId,
    changes: { stocked_quantity: { before: m.from, after: m.to } },
    metadata: { [`${document.kind}_id`]: document.id, number: document.number, tag_code: m.tag_code, location_id: m.location_id },
  }))
}
