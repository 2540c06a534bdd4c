import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { AuditEntryInput } from "../../../modules/audit/service"
import type { ReceiveInput } from "../../../modules/karigar/service"
import { recordAuditStep } from "../../audit/steps/record-audit"
import { recordOldGoldMovementStep } from "../../old-gold/steps/record-old-gold-movement"
import type { StockActor } from "../../stock/utils/audit-entries"
import { receiveFromKarigarStep } from "../steps/receive-from-karigar"

/**
 * Books pieces or metal received back from a karigar against an issue, with the wastage claimed: more than is
 * still out, or wastage beyond the job's allowance, is refused (409 naming the figures, nothing written); the
 * issue settles when it balances. A replay of the same key books nothing more. Audited.
 */
export const receiveFromKarigarWorkflow = createWorkflow("receive-from-karigar", (input: ReceiveInput & { actor: StockActor }) => {
  const booked = receiveFromKarigarStep(input)
  when("receipt-to-old-gold-stock", { booked }, ({ booked }) => booked.created && booked.receipt.to_old_gold_stock).then(() => {
    recordOldGoldMovementStep(
      transform({ booked }, ({ booked }) => ({
        idempotency_key: `karigar-receipt:${booked.receipt.id}`,
        branch_id: booked.issue.branch_id,
        metal: booked.issue.metal,
        kind: "from_karigar" as const,
        fine_mg: booked.receipt.fine_weight_mg,
        reference: booked.issue.number,
        note: booked.receipt.description,
        user_id: booked.receipt.received_by,
      }))
    )
  })
  when({ booked }, ({ booked }) => booked.created).then(() => {
    recordAuditStep({
      entries: transform({ input, booked }, ({ input, booked }): AuditEntryInput[] => [
        {
          ...input.actor,
          action: "karigar_issue.received",
          entity: "karigar_issue",
          entity_id: booked.issue.id,
          branch_id: booked.issue.branch_id,
          changes: {
            received_fine_mg: { before: booked.issue.received_fine_mg - booked.receipt.fine_weight_mg, after: booked.issue.received_fine_mg },
            wastage_fine_mg: { before: booked.issue.wastage_fine_mg - booked.receipt.wastage_fine_mg, after: booked.issue.wastage_fine_mg },
            status: { before: "open", after: booked.issue.status },
          },
          metadata: {
            number: booked.issue.number,
            receipt_id: booked.receipt.id,
            form: booked.receipt.form,
            karigar_id: booked.issue.karigar_id,
            to_old_gold_stock: booked.receipt.to_old_gold_stock,
          },
        },
      ]),
    })
  })
  return new WorkflowResponse(booked)
})
