import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { AuditEntryInput } from "../../../modules/audit/service"
import type { TakeAdvanceInput } from "../../../modules/workshop/service"
import { recordAuditStep } from "../../audit/steps/record-audit"
import type { StockActor } from "../../stock/utils/audit-entries"
import { takeJobAdvanceStep } from "../steps/take-job-advance"

/**
 * An advance on an open job, on a receipt voucher (docs/counter.md, "The job's money"): refused beyond the
 * estimate with GST or on a closed job; the same key again answers the same payment and records nothing more.
 */
export const takeJobAdvanceWorkflow = createWorkflow("take-job-advance", (input: TakeAdvanceInput & { actor: StockActor }) => {
  const taken = takeJobAdvanceStep(input)
  recordAuditStep({
    entries: transform({ input, taken }, ({ input, taken }): AuditEntryInput[] =>
      taken.created
        ? [
            {
              ...input.actor,
              action: "job_card.advance",
              entity: "job_card",
              entity_id: input.job_id,
              branch_id: taken.payment.branch_id,
              changes: { paid_paise: { before: null, after: taken.payment.amount_paise } },
              metadata: { receipt: taken.payment.number, tender: taken.payment.tender, reference: taken.payment.reference },
            },
          ]
        : []
    ),
  })
  return new WorkflowResponse(taken)
})
