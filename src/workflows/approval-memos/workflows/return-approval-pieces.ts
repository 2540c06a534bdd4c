import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { AuditEntryInput } from "../../../modules/audit/service"
import { recordAuditStep } from "../../audit/steps/record-audit"
import { moveBranchStockStep } from "../../stock/steps/move-branch-stock"
import { stockMoveEntries, type StockActor } from "../../stock/utils/audit-entries"
import { finishMemoTaskStep } from "../steps/finish-memo-task"
import { settleApprovalMemoStep } from "../steps/settle-approval-memo"

export type ReturnApprovalPiecesInput = { memo_id: string; tags: string[]; note: string | null; user_id: string | null; actor: StockActor }

/**
 * Pieces of a memo brought back: each must be on the memo and still out (409 naming each that is not: returned or
 * sold already; nothing written). They go back into the branch's stock; when nothing is out any more the memo
 * closes and its follow-up task is done. Each stock change goes to the audit trail.
 */
export const returnApprovalPiecesWorkflow = createWorkflow("return-approval-pieces", (input: ReturnApprovalPiecesInput) => {
  const settled = settleApprovalMemoStep(transform({ input }, ({ input }) => ({ memo_id: input.memo_id, tags: input.tags, action: "return" as const, user_id: input.user_id })))
  const moved = moveBranchStockStep(
    transform({ settled }, ({ settled }) => ({
      moves: settled.lines.map((l) => ({ tag_code: l.tag_code, inventory_item_id: l.inventory_item_id, location_id: settled.memo.location_id, quantity: l.quantity })),
    }))
  )
  finishMemoTaskStep(transform({ settled }, ({ settled }) => ({ task_id: settled.memo.follow_up_task_id, closed: settled.closed, note: `Approval memo ${settled.memo.number} closed` })))
  recordAuditStep({
    entries: transform({ input, settled, moved }, ({ input, settled, moved }): AuditEntryInput[] => [
      {
        ...input.actor,
        action: "approval_memo.returned",
        entity: "approval_memo",
        entity_id: settled.memo.id,
        branch_id: settled.memo.branch_id,
        changes: { status: { before: settled.before.memo.status, after: settled.memo.status } },
        metadata: { number: settled.memo.number, returned: settled.lines.map((l) => l.tag_code), ...(input.note ? { note: input.note } : {}) },
      },
      ...stockMoveEntries(input.actor, "approval_memo.returned", { id: settled.memo.id, number: settled.memo.number, kind: "approval_memo" }, moved, settled.memo.branch_id),
    ]),
  })
  return new WorkflowResponse(settled)
})
