import { model } from "@medusajs/framework/utils"

/** The last scheme-card number issued in a series (branch, financial year); taken under a row lock, never skipped. */
export const SchemeCounter = model
  .define("scheme_counter", {
    id: model.id({ prefix: "schctr" }).primaryKey(),
    series: model.text(),
    last_sequence: model.number().default(0),
  })
  .indexes([{ on: ["series"], unique: true }])
