import { model } from "@medusajs/framework/utils"

/**
 * A GST tax invoice or credit note, issued once: its number comes from a
 * gap-free series (tax_document_counter) in the same transaction that stores
 * it, and `body` keeps what it says (src/lib/invoice) so the PDF can be drawn
 * again at any time and always reads the same. The PDF lives in Medusa's file
 * module (private); until it is stored the job retries it.
 */
export const TaxDocument = model
  .define("tax_document", {
    id: model.id({ prefix: "tdoc" }).primaryKey(),
    type: model.enum(["invoice", "credit_note"]),
    /** MUM/26-27/000123, MUM/CN26-27/0004 (src/lib/tax-documents.ts; earlier ones MUM/2026-27/000123). */
    number: model.text(),
    series: model.text(),
    sequence: model.number(),
    financial_year: model.text(),
    branch_id: model.text(),
    branch_code: model.text(),
    order_id: model.text(),
    /**
     * The exchange an invoice is for: the pieces a customer took in an
     * exchange get their own invoice, beside the order's first one.
     */
    exchange_id: model.text().nullable(),
    /** The return a credit note is for. */
    return_id: model.text().nullable(),
    /** The invoice a credit note corrects. */
    against_id: model.text().nullable(),
    customer_id: model.text().nullable(),
    issued_at: model.dateTime(),
    /** Grand total (rounded to the rupee), paise. */
    grand_total_paise: model.bigNumber(),
    body: model.json(),
    /** The PDF in the file module, once stored. */
    file_id: model.text().nullable(),
    /** on_request: a document of the past (the demo year), drawn when first asked for rather than by the retry job. */
    file_status: model.enum(["pending", "stored", "failed", "on_request"]).default("pending"),
    file_attempts: model.number().default(0),
    file_error: model.text().nullable(),
    /** When the job may try storing the PDF again. */
    next_attempt_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["number"], unique: true, where: "deleted_at IS NULL" },
    { on: ["series", "sequence"], unique: true, where: "deleted_at IS NULL" },
    { on: ["order_id"], unique: true, where: "type = 'invoice' AND exchange_id IS NULL AND deleted_at IS NULL" },
    { on: ["exchange_id"], unique: true, where: "exchange_id IS NOT NULL AND deleted_at IS NULL" },
    { on: ["return_id"], unique: true, where: "return_id IS NOT NULL AND deleted_at IS NULL" },
    { on: ["file_status", "next_attempt_at"] },
    { on: ["customer_id"] },
    // The exports page through a period by (issued_at, id): with the id in the index a page is a range scan, not a sort of the rest.
    { on: ["issued_at", "id"] },
  ])
