import { model } from "@medusajs/framework/utils"
import { PosSale } from "./pos-sale"

/**
 * One tender of a counter sale (cash, card, UPI, old gold, points, a
 * payment link), recorded as a Medusa payment on the sale's order. Cash
 * keeps what was handed over and what stayed after the change.
 */
export const PosTender = model
  .define("pos_tender", {
    id: model.id({ prefix: "postnd" }).primaryKey(),
    kind: model.enum(["cash", "card", "upi", "razorpay_link", "old_gold", "scheme", "points"]),
    /** What it pays towards the bill. */
    amount_paise: model.bigNumber(),
    /** What was handed over (cash before the change). */
    tendered_paise: model.bigNumber(),
    /** Card approval code or last digits, UPI reference, old-gold voucher. */
    reference: model.text().nullable(),
    status: model.enum(["captured", "pending"]).default("captured"),
    branch_id: model.text(),
    customer_id: model.text(),
    order_id: model.text().nullable(),
    payment_session_id: model.text().nullable(),
    payment_id: model.text().nullable(),
    sale: model.belongsTo(() => PosSale, { mappedBy: "tenders" }),
  })
  .indexes([
    { on: ["customer_id", "kind", "created_at"] },
    { on: ["branch_id", "created_at"] },
  ])
