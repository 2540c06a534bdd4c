import { model } from "@medusajs/framework/utils"
import { OldGoldVoucher } from "./voucher"

/** One old article on a voucher, with the figures it was valued by (src/lib/old-gold.ts). */
export const OldGoldArticle = model.define("old_gold_article", {
  id: model.id({ prefix: "ogart" }).primaryKey(),
  voucher: model.belongsTo(() => OldGoldVoucher, { mappedBy: "articles" }),
  metal: model.enum(["gold", "silver", "platinum"]),
  description: model.text(),
  purity_test: model.enum(["touchstone", "xrf"]),
  gross_weight_mg: model.number(),
  deduction_weight_mg: model.number(),
  tested_purity: model.number(),
  net_weight_mg: model.number(),
  fine_weight_mg: model.number(),
  melting_loss_bps: model.number(),
  melting_loss_mg: model.number(),
  payable_fine_mg: model.number(),
  rate_purity: model.number(),
  rate_per_g_paise: model.bigNumber(),
  value_paise: model.bigNumber(),
})
