import { model } from "@medusajs/framework/utils"

/**
 * A savings scheme the shop offers (src/lib/savings-schemes.ts, docs/counter.md): a fixed monthly instalment,
 * the number of instalments, the months to maturity and the shop's bonus. An enrolment keeps a copy of the
 * terms it was sold on, so a template changed or withdrawn later never changes a running scheme.
 */
export const SchemeTemplate = model
  .define("scheme_template", {
    id: model.id({ prefix: "schtpl" }).primaryKey(),
    code: model.text(),
    name: model.text(),
    description: model.text().nullable(),
    kind: model.enum(["amount", "weight"]),
    /** The purity of gold a weight scheme's instalments buy (the selling rate of that purity on the day). */
    purity: model.number().nullable(),
    instalment_paise: model.bigNumber(),
    instalments: model.number(),
    maturity_months: model.number(),
    bonus_type: model.enum(["instalments", "percent_of_paid", "making_waiver", "none"]),
    bonus_count: model.number().default(0),
    bonus_bps: model.number().default(0),
    grace_days: model.number().default(7),
    early_closure_after: model.number(),
    /** Offered for new enrolments; running schemes go on either way. */
    active: model.boolean().default(true),
    user_id: model.text().nullable(),
  })
  .indexes([{ on: ["code"], unique: true }])
