import { model } from "@medusajs/framework/utils"

/**
 * A Razorpay payment link for (part of) an order's balance: the Medusa
 * payment session it pays, the link, and the message that carried it.
 */
export const PaymentLink = model
  .define("payment_link", {
    id: model.id({ prefix: "paylnk" }).primaryKey(),
    order_id: model.text(),
    customer_id: model.text().nullable(),
    payment_collection_id: model.text(),
    payment_session_id: model.text(),
    razorpay_payment_link_id: model.text(),
    short_url: model.text(),
    amount_paise: model.bigNumber(),
    status: model.enum(["created", "paid", "cancelled", "expired"]).default("created"),
    expires_at: model.dateTime().nullable(),
    paid_at: model.dateTime().nullable(),
    channel: model.enum(["sms", "whatsapp"]).nullable(),
    message_id: model.text().nullable(),
    /** The counter sale it is a tender of, if any. */
    sale_id: model.text().nullable(),
    user_id: model.text().nullable(),
  })
  .indexes([
    { on: ["razorpay_payment_link_id"], unique: true },
    { on: ["payment_session_id"], unique: true },
    { on: ["order_id", "status"] },
  ])
