import { model } from "@medusajs/framework/utils"

/**
 * What the shop pays for old metal, per gram at a purity (below its selling rate), from `effective_from`
 * on. A rate without a branch holds for every branch; a branch's own rate wins over it. Kept as history:
 * a new rate is a new row.
 */
export const OldGoldBuyingRate = model
  .define("old_gold_buying_rate", {
    id: model.id({ prefix: "ograte" }).primaryKey(),
    metal: model.enum(["gold", "silver", "platinum"]),
    purity: model.number(),
    rate_per_g_paise: model.bigNumber(),
    branch_id: model.text().nullable(),
    effective_from: model.dateTime(),
    user_id: model.text().nullable(),
  })
  .indexes([{ on: ["metal", "purity", "branch_id", "effective_from"] }])
