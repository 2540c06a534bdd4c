import { model } from "@medusajs/framework/utils"
import { STOCK_TRANSFER_STATUSES } from "../../../lib/stock-transfer"
import { StockTransferLine } from "./stock-transfer-line"

/**
 * A transfer note: pieces sent from one branch's stock location to another's (src/lib/stock-transfer.ts).
 * in_transit → received (closed at the receiving branch), or cancelled by the sender before anything arrived.
 * Numbered per sending branch and financial year like the shop's other documents (MUM/DC26-27/0001).
 */
export const StockTransfer = model
  .define("stock_transfer", {
    id: model.id({ prefix: "stxf" }).primaryKey(),
    number: model.text(),
    series: model.text(),
    sequence: model.number(),
    from_branch_id: model.text(),
    to_branch_id: model.text(),
    from_location_id: model.text(),
    to_location_id: model.text(),
    status: model.enum([...STOCK_TRANSFER_STATUSES]).default("in_transit"),
    /** Who carries the pieces: a courier and its docket, or a person. */
    carrier: model.text().nullable(),
    note: model.text().nullable(),
    dispatched_by: model.text().nullable(),
    dispatched_at: model.dateTime(),
    received_by: model.text().nullable(),
    received_at: model.dateTime().nullable(),
    cancelled_by: model.text().nullable(),
    cancelled_at: model.dateTime().nullable(),
    /** The figures when it was closed or cancelled (StockTransferSummary). */
    summary: model.json().nullable(),
    /** The Idempotency-Key the note was sent with: a retry answers this transfer and sends nothing again. */
    idempotency_key: model.text().nullable(),
    lines: model.hasMany(() => StockTransferLine, { mappedBy: "transfer" }),
  })
  .cascades({ delete: ["lines"] })
  .indexes([
    { on: ["number"], unique: true, where: "deleted_at IS NULL" },
    { on: ["from_branch_id", "status"] },
    { on: ["to_branch_id", "status"] },
    { on: ["dispatched_at"] },
    { on: ["idempotency_key"], unique: true, where: "idempotency_key IS NOT NULL AND deleted_at IS NULL" },
  ])
