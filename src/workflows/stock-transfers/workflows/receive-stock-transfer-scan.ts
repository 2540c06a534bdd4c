import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordAuditStep } from "../../audit/steps/record-audit"
import { checkReceivingBranchStep } from "../steps/check-receiving-branch"
import { moveBranchStockStep } from "../../stock/steps/move-branch-stock"
import { recordTransferReceiptStep } from "../steps/record-transfer-receipt"
import { stockMoveEntries, type StockActor } from "../../stock/utils/audit-entries"

export type ReceiveStockTransferScanInput = { transfer_id: string; branch_id: string; tag_code: string; user_id: string | null; actor: StockActor }

/**
 * A tag scanned at the receiving branch: only there (409 elsewhere); a piece on the note is received and joins
 * that branch's stock at once, any other tag is flagged extra and moves nothing; a tag scanned twice is
 * answered with the first scan and changes nothing. The received piece's stock change goes to the audit trail.
 */
export const receiveStockTransferScanWorkflow = createWorkflow("receive-stock-transfer-scan", (input: ReceiveStockTransferScanInput) => {
  const checked = checkReceivingBranchStep({ transfer_id: input.transfer_id, branch_id: input.branch_id })
  const outcome = recordTransferReceiptStep({ transfer_id: input.transfer_id, tag_code: input.tag_code, user_id: input.user_id })
  const moved = moveBranchStockStep(
    transform({ checked, outcome }, ({ checked, outcome }) => ({
      moves:
        outcome.recorded && outcome.line.result === "received" && outcome.line.inventory_item_id
          ? [{ tag_code: outcome.line.tag_code, inventory_item_id: outcome.line.inventory_item_id, location_id: checked.transfer.to_location_id, quantity: outcome.line.quantity }]
          : [],
    }))
  )
  recordAuditStep({
    entries: transform({ input, checked, moved }, ({ input, checked, moved }) => stockMoveEntries(input.actor, "stock_transfer.received", { id: checked.transfer.id, number: checked.transfer.number, kind: "stock_transfer" }, moved, checked.transfer.to_branch_id)),
  })
  return new WorkflowResponse(transform({ checked, outcome }, ({ checked, outcome }) => ({ transfer: checked.transfer, outcome })))
})
