import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { AuditEntryInput } from "../../../modules/audit/service"
import { recordAuditStep } from "../../audit/steps/record-audit"
import { createFollowUpTaskStep } from "../../crm/steps/create-follow-up-task"
import { moveBranchStockStep } from "../../stock/steps/move-branch-stock"
import { stockMoveEntries, type StockActor } from "../../stock/utils/audit-entries"
import { createApprovalMemoStep } from "../steps/create-approval-memo"
import { linkMemoTaskStep } from "../steps/link-memo-task"
import { prepareApprovalMemoStep, type IssueApprovalMemoInput } from "../steps/prepare-approval-memo"

/**
 * Gives pieces to a customer on approval: the memo is checked (branch, customer, due date, known tags, each once),
 * the pieces leave the branch's stock under the inventory lock — all of them or, when any is not free there, none
 * (409 naming each) — the memo is written, numbered in the branch's series, and a follow-up task puts it on the
 * branch's list for its due date (overdue after it). The memo and each piece's stock change go to the audit trail.
 * All undone if a step fails.
 */
export const issueApprovalMemoWorkflow = createWorkflow("issue-approval-memo", (input: IssueApprovalMemoInput & { actor: StockActor }) => {
  const prepared = prepareApprovalMemoStep(input)
  const moved = moveBranchStockStep(
    transform({ prepared }, ({ prepared }) => ({
      leaving: { branch_name: prepared.branch.name, refusal: "Not given on approval" },
      moves: prepared.memo.lines.map((l) => ({ tag_code: l.tag_code, inventory_item_id: l.inventory_item_id, location_id: prepared.branch.location_id, quantity: -l.quantity })),
    }))
  )
  const memo = createApprovalMemoStep(transform({ prepared }, ({ prepared }) => prepared.memo))
  const task = createFollowUpTaskStep(
    transform({ input, prepared, memo }, ({ input, prepared, memo }) => {
      const pieces = prepared.memo.lines.reduce((n, l) => n + l.quantity, 0)
      return {
        customer_id: memo.customer_id,
        interaction_id: null,
        title: `Approval memo ${memo.number}: ${pieces} piece${pieces === 1 ? "" : "s"} with ${prepared.customer_name}, due back`,
        due_at: new Date(memo.due_at),
        assignee_user_id: input.user_id,
        branch_id: memo.branch_id,
      }
    })
  )
  linkMemoTaskStep(transform({ memo, task }, ({ memo, task }) => ({ memo_id: memo.id, task_id: task?.id ?? null })))
  recordAuditStep({
    entries: transform({ input, prepared, moved, memo }, ({ input, prepared, moved, memo }): AuditEntryInput[] => [
      {
        ...input.actor,
        action: "approval_memo.issued",
        entity: "approval_memo",
        entity_id: memo.id,
        branch_id: memo.branch_id,
        changes: { status: { before: null, after: "open" } },
        metadata: { number: memo.number, customer_id: memo.customer_id, pieces: prepared.memo.lines.map((l) => l.tag_code), due_at: memo.due_at },
      },
      ...stockMoveEntries(input.actor, "approval_memo.issued", { id: memo.id, number: memo.number, kind: "approval_memo" }, moved, memo.branch_id),
    ]),
  })
  return new WorkflowResponse(transform({ memo, task }, ({ memo, task }) => ({ ...memo, follow_up_task_id: task?.id ?? null })))
})
