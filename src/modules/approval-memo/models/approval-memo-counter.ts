import { model } from "@medusajs/framework/utils"

/** The last number taken in each series of approval memos (src/lib/series-counter.ts). */
export const ApprovalMemoCounter = model
  .define("approval_memo_counter", {
    id: model.id({ prefix: "apctr" }).primaryKey(),
    series: model.text(),
    last_sequence: model.number().default(0),
  })
  .indexes([{ on: ["series"], unique: true }])
