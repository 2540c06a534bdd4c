import { model } from "@medusajs/framework/utils"
import { JOB_KINDS, JOB_STATUSES } from "../../../lib/workshop"

/**
 * An article taken in for repair, or a piece ordered to be made (src/lib/workshop.ts): what it is, what it weighed
 * coming in, what the customer left with it, the estimate and due date, who works on it, and where it is.
 * Weights are milligrams, money paise, the allowed loss basis points. Numbered per branch and financial year
 * (MUM/JC26-27/0001).
 */
export const JobCard = model
  .define("job_card", {
    id: model.id({ prefix: "job" }).primaryKey(),
    number: model.text(),
    series: model.text(),
    sequence: model.number(),
    branch_id: model.text(),
    customer_id: model.text(),
    kind: model.enum([...JOB_KINDS]),
    /** The article ("22K rope chain, 18 in") or the piece to make. */
    article: model.text(),
    /** The work asked for. */
    work: model.text(),
    gross_weight_in_mg: model.number().default(0),
    net_weight_in_mg: model.number().default(0),
    /** The customer's own gold or stones left for the job, as written on the receipt. */
    customer_material: model.text().nullable(),
    /** Whether the job adds metal or stones (the article may come back heavier). */
    adds_material: model.boolean().default(false),
    allowed_loss_bps: model.number(),
    estimate_paise: model.bigNumber().nullable(),
    due_at: model.dateTime(),
    karigar_name: model.text().nullable(),
    /** The karigar party the job is with, when the name is one of the shop's karigars (the karigar module). */
    karigar_id: model.text().nullable(),
    status: model.enum([...JOB_STATUSES]).default("received"),
    gross_weight_out_mg: model.number().nullable(),
    net_weight_out_mg: model.number().nullable(),
    received_by: model.text().nullable(),
    received_at: model.dateTime(),
    sent_at: model.dateTime().nullable(),
    ready_at: model.dateTime().nullable(),
    delivered_at: model.dateTime().nullable(),
    delivered_by: model.text().nullable(),
    cancelled_at: model.dateTime().nullable(),
    note: model.text().nullable(),
    /** Photos of the article as it came in and went back (src/lib/workshop.ts, JobPhoto): private files. */
    photos: model.json().nullable(),
    /** What the work was billed at when delivered (before GST), paise; the invoice holds the rest. */
    charges_paise: model.bigNumber().nullable(),
    /** The customer's GSTIN the work was billed to (job work at its own rate). */
    customer_gstin: model.text().nullable(),
    /** The GST tax invoice for the work, issued at delivery. */
    invoice_id: model.text().nullable(),
    invoice_number: model.text().nullable(),
    /** The Idempotency-Key it was taken in with: a retry answers this job. */
    idempotency_key: model.text().nullable(),
  })
  .indexes([
    { on: ["number"], unique: true, where: "deleted_at IS NULL" },
    { on: ["branch_id", "status", "due_at"] },
    { on: ["customer_id"] },
    { on: ["idempotency_key"], unique: true, where: "idempotency_key IS NOT NULL AND deleted_at IS NULL" },
  ])
