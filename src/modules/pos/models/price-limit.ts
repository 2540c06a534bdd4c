import { model } from "@medusajs/framework/utils"

/**
 * What a role may take off a counter bill without approval, as the owner set it (src/lib/price-controls.ts
 * holds the defaults for a role without a row). Null: no limit.
 */
export const PosPriceLimit = model
  .define("pos_price_limit", {
    id: model.id({ prefix: "pplim" }).primaryKey(),
    role: model.text(),
    making_discount_bps: model.number().nullable(),
    making_discount_paise: model.bigNumber().nullable(),
    bill_discount_paise: model.bigNumber().nullable(),
    /** none | raise | any; null: the role's default. */
    rate_change: model.text().nullable(),
    user_id: model.text().nullable(),
  })
  .indexes([{ on: ["role"], unique: true }])
