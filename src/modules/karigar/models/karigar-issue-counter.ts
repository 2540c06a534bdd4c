import { model } from "@medusajs/framework/utils"

/** The last number taken in each series of job-work challans (src/lib/series-counter.ts). */
export const KarigarIssueCounter = model
  .define("karigar_issue_counter", {
    id: model.id({ prefix: "kictr" }).primaryKey(),
    series: model.text(),
    last_sequence: model.number().default(0),
  })
  .indexes([{ on: ["series"], unique: true }])
