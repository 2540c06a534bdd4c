import { model } from "@medusajs/framework/utils"
import { MEMO_LINE_STATES } from "../../../lib/approval-memo"
import { ApprovalMemo } from "./approval-memo"

/** One tag on an approval memo: out with the customer, returned, or sold (by the counter sale named). */
export const ApprovalMemoLine = model
  .define("approval_memo_line", {
    id: model.id({ prefix: "apml" }).primaryKey(),
    memo: model.belongsTo(() => ApprovalMemo, { mappedBy: "lines" }),
    tag_code: model.text(),
    variant_id: model.text(),
    inventory_item_id: model.text(),
    description: model.text().nullable(),
    hsn: model.text().nullable(),
    huid: model.text().nullable(),
    net_weight_mg: model.number().nullable(),
    quantity: model.number().default(1),
    /** The pieces' price when given (today's tax-exclusive price), in paise: what the memo says they are worth. */
    value_paise: model.bigNumber().nullable(),
    state: model.enum([...MEMO_LINE_STATES]).default("out"),
    settled_at: model.dateTime().nullable(),
    settled_by: model.text().nullable(),
    /** The counter sale that bought it: its idempotency key, then its order. */
    sale_key: model.text().nullable(),
    order_id: model.text().nullable(),
  })
  .indexes([
    { on: ["memo_id", "tag_code"], unique: true, where: "deleted_at IS NULL" },
    { on: ["variant_id", "state"] },
  ])
