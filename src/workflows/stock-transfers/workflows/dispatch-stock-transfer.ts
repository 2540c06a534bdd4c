import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { AuditEntryInput } from "../../../modules/audit/service"
import { recordAuditStep } from "../../audit/steps/record-audit"
import { createStockTransferStep } from "../steps/create-stock-transfer"
import { moveBranchStockStep } from "../../stock/steps/move-branch-stock"
import { prepareStockTransferStep, type DispatchStockTransferInput } from "../steps/prepare-stock-transfer"
import { stockMoveEntries, type StockActor } from "../../stock/utils/audit-entries"

/**
 * Sends pieces from one branch to another: the note is checked (two branches, known tags, each once), the pieces
 * leave the sending branch's stock under the inventory lock — all of them or, when any is not free there,
 * none (409 naming each) — and the transfer is written in transit, numbered in the sender's series. The
 * dispatch and each piece's stock change go to the audit trail. All undone if a step fails.
 */
export const dispatchStockTransferWorkflow = createWorkflow("dispatch-stock-transfer", (input: DispatchStockTransferInput & { actor: StockActor }) => {
  const prepared = prepareStockTransferStep(input)
  const moved = moveBranchStockStep(
    transform({ prepared }, ({ prepared }) => ({
      leaving: { branch_name: prepared.from.name, refusal: "Not sent" },
      moves: prepared.transfer.lines.map((l) => ({ tag_code: l.tag_code, inventory_item_id: l.inventory_item_id, location_id: prepared.from.location_id, quantity: -l.quantity })),
    }))
  )
  const transfer = createStockTransferStep(transform({ prepared }, ({ prepared }) => prepared.transfer))
  recordAuditStep({
    entries: transform({ input, prepared, moved, transfer }, ({ input, prepared, moved, transfer }): AuditEntryInput[] => [
      {
        ...input.actor,
        action: "stock_transfer.dispatched",
        entity: "stock_transfer",
        entity_id: transfer.id,
        branch_id: transfer.from_branch_id,
        changes: { status: { before: null, after: "in_transit" } },
        metadata: { number: transfer.number, to_branch_id: transfer.to_branch_id, pieces: prepared.transfer.lines.length, carrier: transfer.carrier },
      },
      ...stockMoveEntries(input.actor, "stock_transfer.dispatched", { id: transfer.id, number: transfer.number, kind: "stock_transfer" }, moved, prepared.from.id),
    ]),
  })
  return new WorkflowResponse(transfer)
})
