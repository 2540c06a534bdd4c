import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { AuditEntryInput } from "../../../modules/audit/service"
import { recordAuditStep } from "../../audit/steps/record-audit"
import { checkReceivingBranchStep } from "../steps/check-receiving-branch"
import { finishStockTransferStep } from "../steps/finish-stock-transfer"
import { moveBranchStockStep } from "../../stock/steps/move-branch-stock"
import { stockMoveEntries, type StockActor } from "../../stock/utils/audit-entries"

export type FinishStockTransferInput = { transfer_id: string; branch_id: string; note: string | null; user_id: string | null; actor: StockActor }

/**
 * Closes a receipt at the receiving branch (409 elsewhere): what never arrived is short and stays out of every
 * branch's stock until found; the transfer is received with its figures, in the audit trail with them.
 */
export const closeStockTransferWorkflow = createWorkflow("close-stock-transfer", (input: FinishStockTransferInput) => {
  checkReceivingBranchStep({ transfer_id: input.transfer_id, branch_id: input.branch_id })
  const finished = finishStockTransferStep(transform({ input }, ({ input }) => ({ id: input.transfer_id, action: "close" as const, user_id: input.user_id })))
  recordAuditStep({
    entries: transform({ input, finished }, ({ input, finished }): AuditEntryInput[] => [
      {
        ...input.actor,
        action: "stock_transfer.closed",
        entity: "stock_transfer",
        entity_id: finished.transfer.id,
        branch_id: finished.transfer.to_branch_id,
        changes: { status: { before: "in_transit", after: "received" } },
        metadata: { number: finished.transfer.number, summary: finished.transfer.summary, short: finished.lines.filter((l) => l.result === "short").map((l) => l.tag_code), ...(input.note ? { note: input.note } : {}) },
      },
    ]),
  })
  return new WorkflowResponse(finished.transfer)
})

/**
 * Cancels a transfer nothing of which has been scanned in (409 otherwise): its pieces go back into the sending
 * branch's stock, each change in the audit trail. The route lets only the sending branch's staff do it.
 */
export const cancelStockTransferWorkflow = createWorkflow("cancel-stock-transfer", (input: Omit<FinishStockTransferInput, "branch_id">) => {
  const finished = finishStockTransferStep(transform({ input }, ({ input }) => ({ id: input.transfer_id, action: "cancel" as const, user_id: input.user_id })))
  const moved = moveBranchStockStep(
    transform({ finished }, ({ finished }) => ({
      moves: finished.lines
        .filter((l) => l.result === "in_transit" && l.inventory_item_id)
        .map((l) => ({ tag_code: l.tag_code, inventory_item_id: l.inventory_item_id!, location_id: finished.transfer.from_location_id, quantity: l.quantity })),
    }))
  )
  recordAuditStep({
    entries: transform({ input, finished, moved }, ({ input, finished, moved }): AuditEntryInput[] => [
      {
        ...input.actor,
        action: "stock_transfer.cancelled",
        entity: "stock_transfer",
        entity_id: finished.transfer.id,
        branch_id: finished.transfer.from_branch_id,
        changes: { status: { before: "in_transit", after: "cancelled" } },
        metadata: { number: finished.transfer.number, pieces: moved.length, ...(input.note ? { note: input.note } : {}) },
      },
      ...stockMoveEntries(input.actor, "stock_transfer.cancelled", { id: finished.transfer.id, number: finished.transfer.number, kind: "stock_transfer" }, moved, finished.transfer.from_branch_id),
    ]),
  })
  return new WorkflowResponse(finished.transfer)
})
