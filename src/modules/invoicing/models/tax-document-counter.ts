import { model } from "@medusajs/framework/utils"

/**
 * The last number issued in a series (kind, branch, financial year). Issuing
 * locks this row, takes the next number and stores the document in one
 * transaction: concurrent issues queue on the lock, and a failed one gives
 * its number back by rolling back, so a series never skips or repeats.
 */
export const TaxDocumentCounter = model
  .define("tax_document_counter", {
    id: model.id({ prefix: "tdctr" }).primaryKey(),
    /** invoice:MUM:2026-27 */
    series: model.text(),
    last_sequence: model.number().default(0),
  })
  .indexes([{ on: ["series"], unique: true }])
