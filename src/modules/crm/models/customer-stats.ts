import { model } from "@medusajs/framework/utils"

/**
 * Purchase aggregates per customer, recomputed from the customer's orders on
 * each order event (so a replayed event changes nothing) and read by the
 * customer 360 instead of scanning orders on every request.
 */
export const CustomerStats = model
  .define("customer_stats", {
    id: model.id({ prefix: "cstat" }).primaryKey(),
    customer_id: model.text(),
    currency_code: model.text().default("inr"),
    order_count: model.number().default(0),
    lifetime_value: model.bigNumber().default(0),
    first_order_at: model.dateTime().nullable(),
    last_order_at: model.dateTime().nullable(),
    /** Pieces bought per metal and per category handle: { gold: 3, silver: 1 }. */
    metal_counts: model.json().nullable(),
    category_counts: model.json().nullable(),
    /** The latest orders as the 360 shows them: [{ id, display_id, created_at, status, total, currency_code, items }]. */
    recent_orders: model.json().nullable(),
  })
  .indexes([{ on: ["customer_id"], unique: true, where: "deleted_at IS NULL" }, { on: ["lifetime_value"] }])
