import { model } from "@medusajs/framework/utils"

/** The shop's loyalty rules (one row; src/lib/loyalty LoyaltyProgram, checked by programProblems). */
export const LoyaltyProgramSettings = model.define("loyalty_program", {
  id: model.id({ prefix: "lprog" }).primaryKey(),
  settings: model.json(),
  updated_by: model.text().nullable(),
})
