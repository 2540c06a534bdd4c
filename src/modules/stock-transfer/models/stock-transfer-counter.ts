import { model } from "@medusajs/framework/utils"

/** The last number taken in each series of transfer notes (src/lib/series-counter.ts). */
export const StockTransferCounter = model
  .define("stock_transfer_counter", {
    id: model.id({ prefix: "stxctr" }).primaryKey(),
    series: model.text(),
    last_sequence: model.number().default(0),
  })
  .indexes([{ on: ["series"], unique: true }])
