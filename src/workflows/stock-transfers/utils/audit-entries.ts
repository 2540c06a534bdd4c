import type { AuditEntryInput } from "../../../modules/audit/service"
import type { TransferRow } from "../../../modules/stock-transfer/service"
import type { StockMoveMade } from "../../stock/steps/move-branch-stock"

/** Who acts, from where: the audit entries' actor (the route's request). */
export type TransferActor = Pick<AuditEntryInput, "actor_type" | "actor_id" | "ip" | "user_agent">

/** One audit entry per piece whose stock a transfer moved: the stocked quantity before → after at the branch. */
export function stockMoveEntries(actor: TransferActor, action: string, transfer: Pick<TransferRow, "id" | "number">, moved: StockMoveMade[], branchId: string): AuditEntryInput[] {
  return moved.map((m) => ({
    ...actor,
    action,
    entity: "inventory_item",
    entity_id: m.inventory_item_id,
    branch_id: branchId,
    changes: { stocked_quantity: { before: m.from, after: m.to } },
    metadata: { stock_transfer_id: transfer.id, number: transfer.number, tag_code: m.tag_code, location_id: m.location_id },
  }))
}
