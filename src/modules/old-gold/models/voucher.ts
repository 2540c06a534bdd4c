import { model } from "@medusajs/framework/utils"
import { OldGoldArticle } from "./article"

/**
 * A purchase voucher for old metal bought from a customer: numbered per branch and financial year, gap-free
 * (old_gold_counter), claimed by its idempotency key so a replayed request buys nothing twice. What it is
 * worth goes to the customer as cash, a bank transfer, or a credit against a counter sale.
 */
export const OldGoldVoucher = model
  .define("old_gold_voucher", {
    id: model.id({ prefix: "ogv" }).primaryKey(),
    idempotency_key: model.text(),
    /** What the request asked for; the same key with another purchase is refused. */
    fingerprint: model.text(),
    number: model.text(),
    series: model.text(),
    sequence: model.number(),
    financial_year: model.text(),
    branch_id: model.text(),
    branch_code: model.text(),
    customer_id: model.text(),
    user_id: model.text().nullable(),
    /** exchange: set against a sale; purchase: bought outright. */
    kind: model.enum(["exchange", "purchase"]),
    total_value_paise: model.bigNumber(),
    cash_paise: model.bigNumber().default(0),
    bank_paise: model.bigNumber().default(0),
    sale_credit_paise: model.bigNumber().default(0),
    /** How much of the sale credit counter sales have used. */
    credit_used_paise: model.bigNumber().default(0),
    bank_reference: model.text().nullable(),
    /** PAN or Form 60 for a voucher of ₹2 lakh or more (docs/counter.md). */
    identity: model.enum(["not_needed", "pan", "form_60"]).default("not_needed"),
    pan_masked: model.text().nullable(),
    pan_encrypted: model.text().nullable(),
    note: model.text().nullable(),
    issued_at: model.dateTime(),
    articles: model.hasMany(() => OldGoldArticle, { mappedBy: "voucher" }),
  })
  .indexes([
    { on: ["idempotency_key"], unique: true },
    { on: ["number"], unique: true },
    { on: ["series", "sequence"], unique: true },
    { on: ["branch_id", "issued_at"] },
    { on: ["customer_id", "issued_at"] },
  ])
