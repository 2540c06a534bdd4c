import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { JOB_STATUS_LABELS } from "../../../lib/workshop"
import type { AuditEntryInput } from "../../../modules/audit/service"
import { recordAuditStep } from "../../audit/steps/record-audit"
import { queueMessageWorkflow } from "../../messaging/workflows/queue-message"
import type { StockActor } from "../../stock/utils/audit-entries"
import { issueTaxDocumentStep } from "../../invoicing/steps/issue-tax-document"
import { storeTaxDocumentFileStep } from "../../invoicing/steps/store-tax-document-file"
import { findJobKarigarStep } from "../steps/find-job-karigar"
import { linkJobInvoiceStep } from "../steps/link-job-invoice"
import { moveJobCardStep } from "../steps/move-job-card"
import { prepareJobMoneyStep, type JobMoneyInput } from "../steps/prepare-job-money"
import { settleJobMoneyStep } from "../steps/settle-job-money"

/**
 * A job's next step — to the karigar (linked to the karigar party of that name when there is one), ready, delivered (weighed against what went in), cancelled — checked
 * against the step it is at (409 otherwise, nothing written); the customer is told of each step, once per step
 * (a job that goes back to the karigar and comes back ready is told again); the step goes to the audit trail with
 * the weights. Delivery settles the job's money: the balance the tenders meet exactly on a GST tax invoice for the
 * work (its PDF stored as every invoice's), and what the advances paid beyond the bill back to the customer; a
 * cancelled job's advances go back. All of it or none.
 */
export const moveJobCardWorkflow = createWorkflow("move-job-card", (input: JobMoneyInput & { branch_name: string; actor: StockActor }) => {
  const karigar = findJobKarigarStep(input)
  const money = prepareJobMoneyStep(input)
  const moved = moveJobCardStep(transform({ input, karigar }, ({ input, karigar }) => ({ ...input, ...karigar })))
  const payments = settleJobMoneyStep(transform({ money }, ({ money }) => money.settle))
  const invoice = when("job-invoice", { money }, ({ money }) => !!money.issue).then(() => {
    const issued = issueTaxDocumentStep(transform({ money }, ({ money }) => ({ existing_id: null, issue: money.issue })))
    linkJobInvoiceStep(transform({ issued, input }, ({ issued, input }) => ({ job_id: input.id, invoice: { id: issued.document.id, number: issued.document.number } })))
    storeTaxDocumentFileStep(transform({ issued }, ({ issued }) => ({ document_id: issued.document.id })))
    return issued
  })
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
    entries: transform({ input, moved, payments }, ({ input, moved, payments }): AuditEntryInput[] => [
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
        metadata: {
          number: moved.job.number,
          karigar_name: moved.job.karigar_name,
          karigar_id: moved.job.karigar_id,
          ...(input.note ? { note: input.note } : {}),
          ...(payments.length ? { payments: payments.map((p) => ({ kind: p.kind, tender: p.tender, amount_paise: p.amount_paise, number: p.number })) } : {}),
        },
      },
    ]),
  })
  return new WorkflowResponse(transform({ moved, invoice }, ({ moved, invoice }) => ({ ...moved.job, invoice_id: invoice?.document.id ?? null, invoice_number: invoice?.document.number ?? null })))
})
