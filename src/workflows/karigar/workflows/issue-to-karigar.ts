import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { AuditEntryInput } from "../../../modules/audit/service"
import { recordAuditStep } from "../../audit/steps/record-audit"
import { recordOldGoldMovementStep } from "../../old-gold/steps/record-old-gold-movement"
import type { StockActor } from "../../stock/utils/audit-entries"
import { createKarigarIssueStep } from "../steps/create-karigar-issue"
import { prepareKarigarIssueStep, type IssueToKarigarInput } from "../steps/prepare-karigar-issue"

/**
 * Issues metal or pieces to a karigar on a job-work challan numbered in the branch's series: checked, written
 * with its fine weight and declared value; metal from the branch's old-metal stock leaves that stock in the same
 * run (refused, with nothing written, when the branch holds less); the issue goes to the audit trail.
 */
export const issueToKarigarWorkflow = createWorkflow("issue-to-karigar", (input: IssueToKarigarInput & { actor: StockActor }) => {
  const prepared = prepareKarigarIssueStep(input)
  const issue = createKarigarIssueStep(transform({ prepared }, ({ prepared }) => prepared.issue))
  when({ issue }, ({ issue }) => issue.from_old_gold_stock).then(() => {
    recordOldGoldMovementStep(
      transform({ issue }, ({ issue }) => ({
        idempotency_key: `karigar-issue:${issue.id}`,
        branch_id: issue.branch_id,
        metal: issue.metal,
        kind: "to_karigar" as const,
        fine_mg: issue.fine_weight_mg,
        reference: issue.number,
        note: issue.description,
        user_id: issue.issued_by,
      }))
    )
  })
  recordAuditStep({
    entries: transform({ input, issue, prepared }, ({ input, issue, prepared }): AuditEntryInput[] => [
      {
        ...input.actor,
        action: "karigar_issue.issued",
        entity: "karigar_issue",
        entity_id: issue.id,
        branch_id: issue.branch_id,
        changes: { fine_weight_mg: { before: null, after: issue.fine_weight_mg } },
        metadata: {
          number: issue.number,
          karigar_id: issue.karigar_id,
          karigar_name: prepared.karigar_name,
          metal: issue.metal,
          purity: issue.purity,
          net_weight_mg: issue.net_weight_mg,
          job_card_id: issue.job_card_id,
          from_old_gold_stock: issue.from_old_gold_stock,
        },
      },
    ]),
  })
  return new WorkflowResponse(issue)
})
