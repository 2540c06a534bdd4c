import { model } from "@medusajs/framework/utils"

/** A piece a customer saved for later (from the storefront or noted by staff). */
export const WishlistItem = model
  .define("wishlist_item", {
    id: model.id({ prefix: "wish" }).primaryKey(),
    customer_id: model.text(),
    variant_id: model.text(),
    note: model.text().nullable(),
  })
  .indexes([{ on: ["customer_id", "variant_id"], unique: true, where: "deleted_at IS NULL" }])
