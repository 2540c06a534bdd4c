import { model } from "@medusajs/framework/utils"

/** One of a customer's top designs under a model, best first, with why in words. */
export const CustomerRecommendation = model
  .define("customer_recommendation", {
    id: model.id({ prefix: "prec" }).primaryKey(),
    model_id: model.text(),
    customer_id: model.text(),
    rank: model.number(),
    design_id: model.text(),
    /** The design's name as the catalogue shows it (its first piece's product title). */
    title: model.text(),
    score: model.float(),
    reason: model.text(),
  })
  .indexes([{ on: ["customer_id", "model_id", "rank"] }, { on: ["model_id"] }])
