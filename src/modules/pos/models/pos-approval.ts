import { model } from "@medusajs/framework/utils"

/**
 * A seller's request to discount a bill beyond their limits, and its decision: approved (or rejected) by
 * someone whose own limits cover it, then used by exactly one counter sale of the same bill (`fingerprint`).
 */
export const PosApproval = model
  .define("pos_approval", {
    id: model.id({ prefix: "posapr" }).primaryKey(),
    branch_id: model.text(),
    customer_id: model.text(),
    requested_by: model.text(),
    fingerprint: model.text(),
    /** The pieces and discounts asked for, as the seller entered them. */
    request: model.json(),
    making_discount_paise: model.bigNumber().default(0),
    making_discount_bps: model.number().default(0),
    bill_discount_paise: model.bigNumber().default(0),
    reason: model.text(),
    status: model.enum(["pending", "approved", "rejected", "used"]).default("pending"),
    decided_by: model.text().nullable(),
    decided_at: model.dateTime().nullable(),
    decision_note: model.text().nullable(),
    sale_id: model.text().nullable(),
  })
  .indexes([{ on: ["branch_id", "status", "created_at"] }, { on: ["sale_id"] }])
