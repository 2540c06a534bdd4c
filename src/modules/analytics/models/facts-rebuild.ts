import { model } from "@medusajs/framework/utils"

/**
 * A rebuild of the sales facts from every order: one runs at a time, in
 * batches by order id, and one stopped part-way resumes after `cursor`.
 */
export const FactsRebuild = model.define("sales_facts_rebuild", {
  id: model.id({ prefix: "sfreb" }).primaryKey(),
  status: model.enum(["running", "done", "failed"]).default("running"),
  /** The last order id done. */
  cursor: model.text().nullable(),
  orders_total: model.number().default(0),
  orders_done: model.number().default(0),
  facts_written: model.number().default(0),
  error: model.text().nullable(),
  started_at: model.dateTime(),
  finished_at: model.dateTime().nullable(),
})
