import { model } from "@medusajs/framework/utils"

/**
 * A preference model (docs/preferences.md), "training" while its recommendations are stored: when, on how much data, with
 * which parameters, and how it did against the baselines on the hold-out. One is
 * current (its recommendations are served), the one before it is kept to roll
 * back to; older ones are retired and their recommendations removed.
 */
export const PreferenceModel = model
  .define("preference_model", {
    id: model.id({ prefix: "pmod" }).primaryKey(),
    status: model.enum(["training", "current", "previous", "retired"]),
    trained_at: model.dateTime(),
    duration_ms: model.number(),
    customers: model.number(),
    designs: model.number(),
    interactions: model.number(),
    parameters: model.json(),
    /** The evaluation table (src/lib/preferences/evaluate.ts `Evaluation`), or null when the data was too small to hold out. */
    evaluation: model.json().nullable(),
  })
  .indexes([{ on: ["status"] }])
