import { model } from "@medusajs/framework/utils"

/**
 * A customer's share of weighted interest in one value of an attribute (category, metal, purity, price band) under
 * a model — what segments test with `preference_match` (src/lib/segments.ts). Shares under 5 % are not kept.
 */
export const CustomerAffinity = model
  .define("customer_affinity", {
    id: model.id({ prefix: "paff" }).primaryKey(),
    model_id: model.text(),
    customer_id: model.text(),
    attribute: model.enum(["category", "metal", "purity", "price_band"]),
    value: model.text(),
    share: model.float(),
  })
  .indexes([{ on: ["model_id", "attribute", "value", "share"] }, { on: ["customer_id"] }])
