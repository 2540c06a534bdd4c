import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { JOB_STATUS_LABELS } from "../../../lib/workshop"
import type { AuditEntryInput } from "../../../modules/audit/service"
import { recordAuditStep } from "../../audit/steps/record-audit"
import { queueMessageWorkflow } from "../../messaging/workflows/queue-message"
import type { StockActor } from "../../stock/utils/audit-entries"
import { createJobCardStep } from "../steps/create-job-card"
import { prepareJobCardStep, type ReceiveJobInput } from "../steps/prepare-job-card"

/**
 * Takes in a repair or a custom order: the job card is checked and written, numbered in the branch's series; the
 * customer is told by SMS or WhatsApp (their consent and channel as every message) that it was received and when
 * it is due; the job goes to the audit trail.
 */
export const receiveJobCardWorkflow = createWorkflow("receive-job-card", (input: ReceiveJobInput & { actor: StockActor }) => {
  const prepared = prepareJobCardStep(input)
  const job = createJobCardStep(transform({ prepared }, ({ prepared }) => prepared.job))
  queueMessageWorkflow.runAsStep({
    input: transform({ job, prepared }, ({ job, prepared }) => ({
      event: "job_card_update",
      customer_id: job.customer_id,
      variables: { job_number: job.number, article: job.article, status: JOB_STATUS_LABELS.received, branch_name: prepared.branch_name, due_date: new Date(job.due_at).toLocaleDateString("en-IN", { timeZone: "Asia/Kolkata" }) },
      idempotency_key: `job:${job.id}:received`,
    })),
  })
  recordAuditStep({
    entries: transform({ input, job }, ({ input, job }): AuditEntryInput[] => [
      {
        ...input.actor,
        action: "job_card.received",
        entity: "job_card",
        entity_id: job.id,
        branch_id: job.branch_id,
        changes: { status: { before: null, after: "received" } },
        metadata: { number: job.number, kind: job.kind, customer_id: job.customer_id, net_weight_in_mg: job.net_weight_in_mg, due_at: job.due_at },
      },
    ]),
  })
  return new WorkflowResponse(job)
})
