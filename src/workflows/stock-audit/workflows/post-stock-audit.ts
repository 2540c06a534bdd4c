import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import type { AuditEntryInput } from "../../../modules/audit/service"
import { recordAuditStep } from "../../audit/steps/record-audit"
import { runLockOwner } from "../../locking"
import { applyStockAuditAdjustmentsStep } from "../steps/apply-stock-audit-adjustments"
import { loadStockAuditPostingStep } from "../steps/load-stock-audit-posting"
import { markStockAuditPostedStep } from "../steps/mark-stock-audit-posted"

export type PostStockAuditInput = {
  id: string
  user_id: string | null
  note: string | null
  /** Who posts, from where: the audit entries' actor (the route's request). */
  actor: Pick<AuditEntryInput, "actor_type" | "actor_id" | "ip" | "user_agent">
}

/**
 * Posts a closed audit's report to the stock: what is missing leaves the branch's stock, what is extra joins
 * it, misplaced pieces move from the branch they were in stock at to this one — then the audit is posted,
 * and the posting and each adjustment go to the audit trail. Once: under a lock on the audit, so two posts
 * at once take turns, and a posted audit answers the adjustments it made without making them (or their
 * entries) again (`replayed`). All undone if a step fails.
 */
export const postStockAuditWorkflow = createWorkflow("post-stock-audit", (input: PostStockAuditInput) => {
  const key = transform({ input }, ({ input }) => `stock-audit:${input.id}`)
  const lockOwner = runLockOwner()
  acquireLockStep({ key, timeout: 30, ttl: 300, ownerId: lockOwner })
  const posting = loadStockAuditPostingStep({ id: input.id })
  const adjustments = applyStockAuditAdjustmentsStep(posting)
  const audit = markStockAuditPostedStep(
    transform({ input, posting, adjustments }, ({ input, posting, adjustments }) => ({ audit: posting.audit, already: posting.already, adjustments, user_id: input.user_id }))
  )
  recordAuditStep({
    entries: transform({ input, posting, adjustments }, ({ input, posting, adjustments }): AuditEntryInput[] =>
      posting.already
        ? []
        : [
            {
              ...input.actor,
              action: "stock_audit.posted",
              entity: "stock_audit",
              entity_id: input.id,
              branch_id: posting.audit.branch_id,
              changes: { status: { before: "closed", after: "posted" } },
              metadata: { adjustments: adjustments.length, summary: posting.audit.summary, ...(input.note ? { note: input.note } : {}) },
            },
            ...adjustments.map((a) => ({
              ...input.actor,
              action: "stock_audit.stock_adjusted",
              entity: "inventory_item",
              entity_id: a.inventory_item_id,
              branch_id: a.branch_id,
              changes: { stocked_quantity: { before: a.from, after: a.to } },
              metadata: { stock_audit_id: input.id, tag_code: a.tag_code, location_id: a.location_id, reason: a.reason },
            })),
          ]
    ),
  })
  releaseLockStep({ key, ownerId: lockOwner })
  return new WorkflowResponse(transform({ audit, adjustments, posting }, ({ audit, adjustments, posting }) => ({ audit, adjustments, replayed: posting.already })))
})
