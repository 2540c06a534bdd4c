import { model } from "@medusajs/framework/utils"

/**
 * What the shop paid for one piece of a variant (metal, the karigar's making,
 * stones), when it is known: from the stock intake's `cost` column. Kept
 * apart from the jewellery attributes, which storefronts may read with a
 * product: a cost is for the stock report's valuation at cost only
 * (docs/reports.md, "The stock report").
 */
export const PieceCost = model
  .define("piece_cost", {
    id: model.id({ prefix: "pcost" }).primaryKey(),
    variant_id: model.text(),
    cost_paise: model.bigNumber(),
    /** Where the figure came from: the intake sheet or an entry by hand. */
    source: model.enum(["intake", "manual"]).default("intake"),
  })
  .indexes([{ on: ["variant_id"], unique: true, where: "deleted_at IS NULL" }])
