import { model } from "@medusajs/framework/utils"

/** A full refresh of the customer facts (and their RFM scores): when it ran and how many rows it wrote. */
export const FactsRefresh = model.define("customer_facts_refresh", {
  id: model.id({ prefix: "cfref" }).primaryKey(),
  rows: model.number().default(0),
  took_ms: model.number().default(0),
  finished_at: model.dateTime(),
})
