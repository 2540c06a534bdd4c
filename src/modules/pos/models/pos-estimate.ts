import { model } from "@medusajs/framework/utils"

/**
 * A printed estimate: the bill as the counter would make it at the time (pieces, discounts, old gold set
 * against it) with the rates it was priced at (`rates_key`). It holds while those rates hold; a counter sale
 * made from it (`sale_id`) must come to the same total.
 */
export const PosEstimate = model
  .define("pos_estimate", {
    id: model.id({ prefix: "posest" }).primaryKey(),
    number: model.text(),
    branch_id: model.text(),
    customer_id: model.text(),
    user_id: model.text().nullable(),
    /** The pieces and discounts asked for, as a sale would ask them. */
    request: model.json(),
    /** The figures printed (src/lib/estimate-pdf.ts), without the shop's particulars. */
    document: model.json(),
    total_paise: model.bigNumber(),
    old_gold_paise: model.bigNumber().default(0),
    to_pay_paise: model.bigNumber(),
    rates_key: model.text(),
    sale_id: model.text().nullable(),
  })
  .indexes([{ on: ["number"], unique: true }, { on: ["branch_id", "created_at"] }, { on: ["customer_id", "created_at"] }])
