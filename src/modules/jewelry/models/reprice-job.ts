import { model } from "@medusajs/framework/utils"

/**
 * One run of repricing the rate-based catalogue. Progress is committed batch
 * by batch (cursor = last attributes id done), so a run that dies is resumed
 * from where it stopped; recomputing a batch twice writes the same prices.
 */
export const RepriceJob = model
  .define("reprice_job", {
    id: model.id({ prefix: "rpjob" }).primaryKey(),
    trigger: model.enum(["rates_set", "daily", "manual", "seed"]),
    status: model.enum(["pending", "running", "succeeded", "failed"]).default("pending"),
    total: model.number().default(0),
    processed: model.number().default(0),
    failed: model.number().default(0),
    cursor: model.text().nullable(),
    /** { ids: [...] } when only some pieces are repriced (pieces just added); null for the whole catalogue. */
    scope: model.json().nullable(),
    /** Up to 50 failures: { items: [{ attributes_id, variant_id, reason }] } */
    failures: model.json().nullable(),
    error: model.text().nullable(),
    started_at: model.dateTime().nullable(),
    finished_at: model.dateTime().nullable(),
    heartbeat_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["status"] }])
