import { model } from "@medusajs/framework/utils"

/**
 * One line of the points ledger; rows are only ever added. Positive entries
 * (earn, bonus, positive adjust, reverse of a deduction) are lots with
 * `remaining` points that deductions use up first-to-expire first. Every
 * entry carries a unique idempotency key, so a retried request or a replayed
 * event posts nothing twice.
 */
export const PointsEntry = model
  .define("points_entry", {
    id: model.id({ prefix: "lpe" }).primaryKey(),
    account_id: model.text(),
    customer_id: model.text(),
    type: model.enum(["earn", "redeem", "expire", "adjust", "reverse", "bonus"]),
    /** Signed whole points: + adds to the balance, − takes from it. */
    points: model.number(),
    /** Of a positive entry, the points not yet used or expired. */
    remaining: model.number().default(0),
    expires_at: model.dateTime().nullable(),
    idempotency_key: model.text(),
    order_id: model.text().nullable(),
    branch_id: model.text().nullable(),
    user_id: model.text().nullable(),
    reason: model.text().nullable(),
    /** The entry this one undoes (type reverse). */
    reverses_entry_id: model.text().nullable(),
    /** Of a deduction: the lots it used, [{ id, take }], so a reversal can give them back. */
    consumed: model.json().nullable(),
  })
  .indexes([
    { on: ["idempotency_key"], unique: true },
    { on: ["account_id", "created_at"] },
    { on: ["customer_id", "created_at"] },
    { on: ["order_id"] },
    { on: ["account_id", "expires_at"], where: "remaining > 0" },
  ])
