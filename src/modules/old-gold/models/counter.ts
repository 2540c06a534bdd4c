import { model } from "@medusajs/framework/utils"

/** The last voucher number issued in a series (branch, financial year); taken under a row lock, never skipped. */
export const OldGoldCounter = model
  .define("old_gold_counter", {
    id: model.id({ prefix: "ogctr" }).primaryKey(),
    series: model.text(),
    last_sequence: model.number().default(0),
  })
  .indexes([{ on: ["series"], unique: true }])
