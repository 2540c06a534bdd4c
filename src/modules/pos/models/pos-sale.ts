import { model } from "@medusajs/framework/utils"
import { PosTender } from "./pos-tender"

/**
 * A counter sale: claimed by its idempotency key before anything is written
 * (so the same request replayed cannot sell twice), completed with the
 * Medusa order it made. Amounts are paise.
 */
export const PosSale = model
  .define("pos_sale", {
    id: model.id({ prefix: "possale" }).primaryKey(),
    idempotency_key: model.text(),
    /** What the request asked for; the same key with a different sale is refused. */
    fingerprint: model.text(),
    status: model.enum(["processing", "completed"]).default("processing"),
    branch_id: model.text(),
    customer_id: model.text(),
    user_id: model.text().nullable(),
    order_id: model.text().nullable(),
    total_paise: model.bigNumber().default(0),
    points: model.number().default(0),
    points_paise: model.bigNumber().default(0),
    cash_tendered_paise: model.bigNumber().default(0),
    cash_kept_paise: model.bigNumber().default(0),
    change_paise: model.bigNumber().default(0),
    /** Still to come through the payment link. */
    pending_paise: model.bigNumber().default(0),
    /** PAN or Form 60 for a sale of ₹2 lakh or more (docs/counter.md); the PAN encrypted like the profile's. */
    identity: model.enum(["not_needed", "pan", "form_60"]).default("not_needed"),
    pan_masked: model.text().nullable(),
    pan_encrypted: model.text().nullable(),
    note: model.text().nullable(),
    completed_at: model.dateTime().nullable(),
    tenders: model.hasMany(() => PosTender, { mappedBy: "sale" }),
  })
  .indexes([
    { on: ["idempotency_key"], unique: true },
    { on: ["branch_id", "created_at"] },
    { on: ["customer_id", "created_at"] },
  ])
