import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { AuditEntryInput } from "../../../modules/audit/service"
import type { ReceiveInput } from "../../../modules/karigar/service"
import { recordAuditStep } from "../../audit/steps/record-audit"
import { recordOldGoldMovementStep } from "../../old-gold/steps/record-old-gold-movement"
import type { StockActor } from "../../stock/utils/audit-entries"
import type { IntakePiece } from "../../../lib/stock-intake"
import { importJewelryStockWorkflow } from "../../jewelry/workflows/import-jewelry-stock"
import { checkReceiptPiecesStep } from "../steps/check-receipt-pieces"
import { receiveFromKarigarStep } from "../steps/receive-from-karigar"

export type ReceiveFromKarigarInput = ReceiveInput & {
  actor: StockActor
  /** Finished pieces back, taken into stock at the challan's branch as intake takes them (their weights are the receipt's). */
  pieces?: IntakePiece[]
}

/**
 * Books pieces or metal received back from a karigar against an issue, with the wastage claimed: more than is
 * still out, or wastage beyond the job's allowance, is refused (409 naming the figures, nothing written); the
 * issue settles when it balances. Listed pieces go into stock in the same run, each a catalogue piece priced on
 * arrival; a piece the intake would refuse refuses the receipt, and the receipt is taken back. A replay of the
 * same key books nothing more. Audited.
 */
export const receiveFromKarigarWorkflow = createWorkflow("receive-from-karigar", (input: ReceiveFromKarigarInput) => {
  const booked = receiveFromKarigarStep(input)
  when("receipt-pieces-into-stock", { booked, input }, ({ booked, input }) => booked.created && !!input.pieces?.length).then(() => {
    const checked = checkReceiptPiecesStep(transform({ input }, ({ input }) => input.pieces ?? []))
    importJewelryStockWorkflow.runAsStep({ input: { pieces: checked } })
  })
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
            ...(input.pieces?.length ? { tag_codes: input.pieces.map((p) => p.tag_code) } : {}),
          },
        },
      ]),
    })
  })
  return new WorkflowResponse(booked)
})
