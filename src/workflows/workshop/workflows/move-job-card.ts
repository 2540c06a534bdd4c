import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { JOB_STATUS_LABELS } from "../../../lib/workshop"
import type { AuditEntryInput } from "../../../modules/audit/service"
import type { MoveJobInput } from "../../../modules/workshop/service"
import { recordAuditStep } from "../../audit/steps/record-audit"
import { queueMessageWorkflow } from "../../messaging/workflows/queue-message"
import type { StockActor } from "../../stock/utils/audit-entries"
import { moveJobCardStep } from "../steps/move-job-card"

/**
 * A job's next step — to the karigar, ready, delivered (weighed against what went in), cancelled — checked
 * against the step it is at (409 otherwise, nothing written); the customer is told of each step, once per step
 * (a job that goes back to the karigar and comes back ready is told again); the step goes to the audit trail with
 * the weights.
 */
export const moveJobCardWorkflow = createWorkflow("move-job-card", (input: MoveJobInput & { branch_name: string; actor: StockActor }) => {
  const moved = moveJobCardStep(input)
  queueMessageWorkflow.runAsStep({
    input: transform({ moved, input }, ({ moved, input }) => ({
      event: "job_card_update",
      customer_id: moved.job.customer_id,
      variables: {
        job_number: moved.job.number,
        article: moved.job.article,
        status: JOB_STATUS_LABELS[moved.job.status],
        branch_name: input.branch_name,
        due_date: new Date(moved.job.due_at).toLocaleDateString("en-IN", { timeZone: "Asia/Kolkata" }),
      },
      idempotency_key: `job:${moved.job.id}:${moved.job.status}:${new Date(moved.job.sent_at ?? moved.job.received_at).getTime()}`,
    })),
  })
  recordAuditStep({
    entries: transform({ input, moved }, ({ input, moved }): AuditEntryInput[] => [
      {
        ...input.actor,
        action: `job_card.${moved.job.status}`,
        entity: "job_card",
        entity_id: moved.job.id,
        branch_id: moved.job.branch_id,
        changes: {
          status: { before: moved.before.status, after: moved.job.status },
          ...(moved.job.status === "delivered" ? { net_weight_mg: { before: moved.job.net_weight_in_mg, after: moved.job.net_weight_out_mg } } : {}),
        },
        metadata: { number: moved.job.number, karigar_name: moved.job.karigar_name, ...(input.note ? { note: input.note } : {}) },
      },
    ]),
  })
  return new WorkflowResponse(moved.job)
})
