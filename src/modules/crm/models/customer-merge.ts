import { model } from "@medusajs/framework/utils"

/**
 * Audit record of one duplicate customer merged into another: who did it,
 * what moved, and a snapshot of the merged customer as it was.
 */
export const CustomerMerge = model
  .define("customer_merge", {
    id: model.id({ prefix: "cmrg" }).primaryKey(),
    survivor_customer_id: model.text(),
    merged_customer_id: model.text(),
    merged_by: model.text().nullable(),
    reason: model.text().nullable(),
    /** { orders, interactions, follow_up_tasks, wishlist_items, ... } */
    moved: model.json(),
    /** The merged customer and profile before the merge. */
    snapshot: model.json(),
  })
  .indexes([{ on: ["survivor_customer_id"] }, { on: ["merged_customer_id"] }])
