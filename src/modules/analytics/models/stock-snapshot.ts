import { model } from "@medusajs/framework/utils"

/**
 * The stock as it stood at the close of an India day, per branch, category,
 * metal and purity (docs/reports.md, "Stock over time"): taken once a day by
 * the `stock-snapshot` job, since inventory levels keep no history. The metal
 * is valued at the rates in force when the snapshot was taken. Money paise,
 * weights milligrams.
 */
export const StockSnapshot = model
  .define("stock_snapshot", {
    id: model.id({ prefix: "ssnap" }).primaryKey(),
    /** The India day whose close this is, YYYY-MM-DD. */
    day: model.text(),
    taken_at: model.dateTime(),
    branch_id: model.text(),
    /** The category's handle, "" for pieces in none. */
    category: model.text(),
    metal: model.text(),
    purity: model.number(),
    pieces: model.number(),
    gross_weight_mg: model.bigNumber(),
    net_weight_mg: model.bigNumber(),
    metal_value_paise: model.bigNumber(),
    /** Pieces of a metal and purity with no rate when it was taken (not in metal_value_paise). */
    unvalued_pieces: model.number(),
    price_paise: model.bigNumber(),
    cost_paise: model.bigNumber(),
    costed_pieces: model.number(),
    /** Pieces in their branch for over a year then. */
    dead_pieces: model.number(),
  })
  .indexes([{ on: ["day", "branch_id", "category", "metal", "purity"], unique: true, where: "deleted_at IS NULL" }])
