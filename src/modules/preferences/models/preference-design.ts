import { model } from "@medusajs/framework/utils"

/**
 * A design as a trained model keeps it (src/lib/preferences/training.ts `ModelDesign`): its attributes, name,
 * weighted interest and factors, so a customer's top designs can be worked out again when they buy, before the
 * next training. Removed with its model.
 */
export const PreferenceDesign = model
  .define("preference_design", {
    id: model.id({ prefix: "pdes" }).primaryKey(),
    model_id: model.text(),
    design_id: model.text(),
    title: model.text(),
    category: model.text(),
    metal: model.text(),
    purity: model.number().nullable(),
    band: model.text().nullable(),
    popularity: model.float(),
    /** The design's factors, as many as the model's parameters say. */
    factors: model.json(),
  })
  .indexes([{ on: ["model_id", "design_id"], unique: true, where: "deleted_at IS NULL" }])
