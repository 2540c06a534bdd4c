import { model } from "@medusajs/framework/utils"
import { OLD_GOLD_MOVEMENT_KINDS } from "../../../lib/old-gold"

/**
 * The old-metal stock of a branch as a ledger of fine weight: a purchase and metal a karigar brings back add,
 * sending to a refinery or a karigar, melting or selling as scrap takes away. The stock is the sum per branch and metal.
 */
export const OldGoldMovement = model
  .define("old_gold_movement", {
    id: model.id({ prefix: "ogmov" }).primaryKey(),
    branch_id: model.text(),
    metal: model.enum(["gold", "silver", "platinum"]),
    /** Fine metal in mg: positive in, negative out. */
    fine_mg: model.number(),
    kind: model.enum([...OLD_GOLD_MOVEMENT_KINDS]),
    voucher_id: model.text().nullable(),
    /** A movement recorded by hand is claimed by its key, so a replayed request moves nothing twice. */
    idempotency_key: model.text().nullable(),
    reference: model.text().nullable(),
    note: model.text().nullable(),
    user_id: model.text().nullable(),
  })
  .indexes([{ on: ["branch_id", "metal"] }, { on: ["voucher_id"] }, { on: ["idempotency_key"], unique: true }])
