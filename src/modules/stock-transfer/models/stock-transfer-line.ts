import { model } from "@medusajs/framework/utils"
import { TRANSFER_LINE_RESULTS } from "../../../lib/stock-transfer"
import { StockTransfer } from "./stock-transfer"

/**
 * One tag of a transfer: a piece on the note (sent), or one scanned at the receiving branch that was not
 * (extra, no stock moved). One line a tag per transfer, so a second scan of a tag is refused.
 */
export const StockTransferLine = model
  .define("stock_transfer_line", {
    id: model.id({ prefix: "stxl" }).primaryKey(),
    transfer: model.belongsTo(() => StockTransfer, { mappedBy: "lines" }),
    tag_code: model.text(),
    variant_id: model.text().nullable(),
    inventory_item_id: model.text().nullable(),
    /** What the line is, as printed on the challan: the product and variant titles. */
    description: model.text().nullable(),
    hsn: model.text().nullable(),
    huid: model.text().nullable(),
    net_weight_mg: model.number().nullable(),
    /** Pieces sent (0 for an extra line). */
    quantity: model.number().default(1),
    /** The pieces' value when sent (today's tax-exclusive price), in paise: the challan's value. */
    value_paise: model.bigNumber().nullable(),
    result: model.enum([...TRANSFER_LINE_RESULTS]),
    scanned_at: model.dateTime().nullable(),
    scanned_by: model.text().nullable(),
  })
  .indexes([
    { on: ["transfer_id", "tag_code"], unique: true, where: "deleted_at IS NULL" },
    { on: ["inventory_item_id", "result"] },
  ])
