import { model } from "@medusajs/framework/utils"

/** Something that happened between the shop and a customer. */
export const Interaction = model
  .define("interaction", {
    id: model.id({ prefix: "intr" }).primaryKey(),
    customer_id: model.text(),
    branch_id: model.text().nullable(),
    user_id: model.text().nullable(),
    channel: model.enum(["walk_in", "call", "whatsapp", "sms", "email", "video", "home_visit", "online"]),
    kind: model.enum(["enquiry", "purchase", "complaint", "repair", "follow_up", "feedback"]),
    summary: model.text(),
    /** Variant ids the customer looked at or asked about. */
    products_of_interest: model.array().default([]),
    outcome: model.text().nullable(),
    follow_up_at: model.dateTime().nullable(),
    order_id: model.text().nullable(),
    occurred_at: model.dateTime(),
    /** Of one logged with a key (POST …/interactions): a retry with the key answers this one and logs nothing. */
    idempotency_key: model.text().nullable(),
  })
  .indexes([
    { on: ["customer_id", "occurred_at"] },
    { on: ["branch_id"] },
    { on: ["order_id"] },
    { on: ["idempotency_key"], unique: true, where: "idempotency_key IS NOT NULL" },
  ])
