import { model } from "@medusajs/framework/utils"

/**
 * One stock level of a piece with jewellery attributes as the stock reports
 * add it up (docs/reports.md, "The stock table"): its branch, metal, purity
 * and category, and the level's pieces, weights, price and cost in all.
 * Derived from the inventory, link and jewellery tables, which mark the
 * levels they change (the `stock-facts` migration script's triggers); a
 * report brings the marked levels up to date before it reads, and the
 * nightly rebuild writes every row afresh. Money paise, weights milligrams.
 */
export const StockFact = model
  .define("stock_fact", {
    /** The stock level's id and its variant's: a level is one row per variant of its item. */
    id: model.text().primaryKey(),
    inventory_level_id: model.text(),
    inventory_item_id: model.text(),
    variant_id: model.text(),
    product_id: model.text(),
    branch_id: model.text(),
    /** The product's category handle as the sales facts file it, "" for none. */
    category: model.text(),
    metal: model.text(),
    purity: model.number(),
    tag_code: model.text().nullable(),
    pieces: model.number(),
    gross_weight_mg: model.bigNumber(),
    net_weight_mg: model.bigNumber(),
    /** The stored prices before GST of the level's pieces; null when the piece has no breakdown. */
    price_paise: model.bigNumber().nullable(),
    /** What the level's pieces cost; null when no cost is known. */
    cost_paise: model.bigNumber().nullable(),
    /** When the level came into its branch: the ageing buckets count from here. */
    in_stock_since: model.dateTime(),
  })
  .indexes([{ on: ["inventory_item_id"] }, { on: ["branch_id"] }])
