import { model } from "@medusajs/framework/utils"
import { SchemeInstalment } from "./scheme-instalment"

/**
 * A customer's scheme card: numbered per branch and financial year (MUM/SC26-27/0001), claimed by its
 * idempotency key so a replayed enrolment makes one card, with the terms of its template as they were on
 * the day. Redeemed once, against a counter sale, by a row-locked change of `status`.
 */
export const SchemeEnrolment = model
  .define("scheme_enrolment", {
    id: model.id({ prefix: "schenr" }).primaryKey(),
    idempotency_key: model.text(),
    fingerprint: model.text(),
    number: model.text(),
    series: model.text(),
    sequence: model.number(),
    template_id: model.text(),
    template_code: model.text(),
    template_name: model.text(),
    /** The template's terms on the day of enrolment (SchemeTerms in src/lib/savings-schemes.ts). */
    terms: model.json(),
    customer_id: model.text(),
    branch_id: model.text(),
    branch_code: model.text(),
    user_id: model.text().nullable(),
    /** India's calendar day, YYYY-MM-DD. */
    enrolled_on: model.text(),
    matures_on: model.text(),
    status: model.enum(["active", "redeemed"]).default("active"),
    /** PAN or Form 60 when the scheme's full value is ₹2 lakh or more (docs/counter.md). */
    identity: model.enum(["not_needed", "pan", "form_60"]).default("not_needed"),
    pan_masked: model.text().nullable(),
    pan_encrypted: model.text().nullable(),
    redeemed_paise: model.bigNumber().nullable(),
    redeemed_fine_mg: model.number().nullable(),
    /** The counter sale the scheme paid towards. */
    redeemed_sale_id: model.text().nullable(),
    redeemed_at: model.dateTime().nullable(),
    note: model.text().nullable(),
    instalments_paid: model.hasMany(() => SchemeInstalment, { mappedBy: "enrolment" }),
  })
  .indexes([
    { on: ["idempotency_key"], unique: true },
    { on: ["number"], unique: true },
    { on: ["series", "sequence"], unique: true },
    { on: ["customer_id"] },
    { on: ["branch_id", "status"] },
  ])
