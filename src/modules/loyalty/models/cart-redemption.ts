import { model } from "@medusajs/framework/utils"

/**
 * Points a customer has put on an online cart, kept here and not in the
 * cart's metadata (which the storefront may edit). The discount itself is a
 * single-use Medusa promotion limited to the customer; the points leave the
 * balance when the cart is completed.
 *
 * applied → deducted (cart completion posted the ledger entry) → placed
 * (the order exists); released when removed, replaced, or when a completion
 * died between the deduction and the order (the points go back).
 */
export const CartRedemption = model
  .define("cart_redemption", {
    id: model.id({ prefix: "lcr" }).primaryKey(),
    cart_id: model.text(),
    customer_id: model.text(),
    points: model.number(),
    /** What the points are worth, in paise, at the rate of the day they were applied. */
    value_paise: model.number(),
    promotion_id: model.text(),
    promotion_code: model.text(),
    status: model.enum(["applied", "deducted", "placed", "released"]).default("applied"),
    /** Completion attempts that were undone; part of the ledger key so a retry deducts afresh. */
    attempt: model.number().default(0),
    entry_id: model.text().nullable(),
    order_id: model.text().nullable(),
  })
  .indexes([
    { on: ["cart_id"], unique: true, where: "status in ('applied', 'deducted') and deleted_at is null" },
    { on: ["promotion_id"] },
    { on: ["status", "updated_at"] },
  ])
