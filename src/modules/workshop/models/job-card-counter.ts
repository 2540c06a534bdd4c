import { model } from "@medusajs/framework/utils"

/** The last number taken in each series of job cards (src/lib/series-counter.ts). */
export const JobCardCounter = model
  .define("job_card_counter", {
    id: model.id({ prefix: "jobctr" }).primaryKey(),
    series: model.text(),
    last_sequence: model.number().default(0),
  })
  .indexes([{ on: ["series"], unique: true }])
