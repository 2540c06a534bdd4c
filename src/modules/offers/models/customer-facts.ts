import { model } from "@medusajs/framework/utils"

/**
 * What segment rules look at, one narrow row per customer: the CRM profile,
 * purchase aggregates, loyalty tier and RFM scores side by side, so a rule
 * over 100 000 customers is one indexed scan instead of a five-table join.
 * Rows follow their sources on customer, profile, order and tier events; a
 * full refresh (before every campaign run, nightly, and when stale) puts
 * everything right and recomputes the RFM scores.
 */
export const CustomerFacts = model
  .define("customer_facts", {
    id: model.id({ prefix: "cfact" }).primaryKey(),
    customer_id: model.text(),
    first_name: model.text().nullable(),
    last_name: model.text().nullable(),
    email: model.text().nullable(),
    phone: model.text().nullable(),
    /** Month and day as MMDD, so occasions compare across years. */
    birthday_md: model.text().nullable(),
    anniversary_md: model.text().nullable(),
    preferred_metals: model.array().default([]),
    preferred_categories: model.array().default([]),
    /** Lower-cased. */
    tags: model.array().default([]),
    home_branch_id: model.text().nullable(),
    consent_sms: model.boolean().default(false),
    consent_whatsapp: model.boolean().default(false),
    consent_email: model.boolean().default(false),
    /** Lower-cased tier name. */
    tier: model.text().nullable(),
    lifetime_value: model.bigNumber().default(0),
    order_count: model.number().default(0),
    last_order_at: model.dateTime().nullable(),
    /** 1–5 by percentile among all customers at the last full refresh. */
    recency_score: model.number().default(1),
    frequency_score: model.number().default(1),
    monetary_score: model.number().default(1),
  })
  .indexes([
    { on: ["customer_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["lifetime_value", "customer_id"] },
    { on: ["last_order_at"] },
    { on: ["birthday_md"] },
    { on: ["anniversary_md"] },
  ])
