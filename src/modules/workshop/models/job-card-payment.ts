import { model } from "@medusajs/framework/utils"
import { JOB_PAYMENT_KINDS, JOB_TENDERS } from "../../../lib/workshop"

/**
 * Money taken for a job or handed back (docs/counter.md, "The job's money"): an advance while the job is open, on
 * a receipt voucher numbered in the branch's series (MUM/RV26-27/0001); the balance at delivery, on the job's tax
 * invoice; a refund of advances the bill did not use, or of a cancelled job's, on a refund voucher (MUM/RF26-27/0001).
 * Amounts are paise, always positive; the kind says which way the money went.
 */
export const JobCardPayment = model
  .define("job_card_payment", {
    id: model.id({ prefix: "jobpay" }).primaryKey(),
    job_card_id: model.text(),
    branch_id: model.text(),
    kind: model.enum([...JOB_PAYMENT_KINDS]),
    tender: model.enum([...JOB_TENDERS]),
    amount_paise: model.bigNumber(),
    /** The card slip's or UPI transaction's reference. */
    reference: model.text().nullable(),
    /** The receipt or refund voucher's number; a balance is on the job's invoice instead. */
    number: model.text().nullable(),
    series: model.text().nullable(),
    sequence: model.number().nullable(),
    /** The tax invoice a balance was taken on. */
    invoice_id: model.text().nullable(),
    paid_at: model.dateTime(),
    user_id: model.text().nullable(),
    /** The Idempotency-Key an advance was taken with: a retry answers this payment. */
    idempotency_key: model.text().nullable(),
  })
  .indexes([
    { on: ["job_card_id"] },
    { on: ["branch_id", "paid_at"] },
    { on: ["number"], unique: true, where: "number IS NOT NULL AND deleted_at IS NULL" },
    { on: ["idempotency_key"], unique: true, where: "idempotency_key IS NOT NULL AND deleted_at IS NULL" },
  ])
