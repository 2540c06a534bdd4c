import { model } from "@medusajs/framework/utils"

/**
 * A customer's points account. `balance` is a cache of the sum of the
 * customer's ledger entries, changed only together with a new entry, in the
 * same transaction, under a lock on this row (see service.postEntry).
 */
export const LoyaltyAccount = model
  .define("loyalty_account", {
    id: model.id({ prefix: "lacct" }).primaryKey(),
    customer_id: model.text(),
    balance: model.number().default(0),
    lifetime_earned: model.number().default(0),
    tier: model.text().default("Silver"),
    tier_since: model.dateTime().nullable(),
  })
  .indexes([{ on: ["customer_id"], unique: true, where: "deleted_at IS NULL" }])
