import { model } from "@medusajs/framework/utils"
import { LINE_RESULTS, SCAN_RESULTS } from "../../../lib/stock-audit"
import { StockAudit } from "./stock-audit"

/**
 * One tag of an audit: expected (from the snapshot), scanned, or both. One line a tag, so a second scan of a
 * tag is refused (it changes the count instead). `result` is the report's verdict, kept current as the line
 * is counted (src/lib/stock-audit.ts, lineResult).
 */
export const StockAuditLine = model
  .define("stock_audit_line", {
    id: model.id({ prefix: "saln" }).primaryKey(),
    audit: model.belongsTo(() => StockAudit, { mappedBy: "lines" }),
    tag_code: model.text(),
    /** The piece, when a piece has this tag. */
    variant_id: model.text().nullable(),
    inventory_item_id: model.text().nullable(),
    /** What the snapshot expected at the branch (0: not expected). */
    expected_quantity: model.number().default(0),
    /** What was counted (0 until scanned). */
    counted_quantity: model.number().default(0),
    /** What the scan answered; null until scanned. */
    scan_result: model.enum([...SCAN_RESULTS]).nullable(),
    result: model.enum([...LINE_RESULTS]),
    /** A misplaced piece: the branch and stock location it was in stock at when scanned. */
    found_at_branch_id: model.text().nullable(),
    found_at_location_id: model.text().nullable(),
    scanned_at: model.dateTime().nullable(),
    scanned_by: model.text().nullable(),
  })
  .indexes([
    { on: ["audit_id", "tag_code"], unique: true },
    { on: ["audit_id", "result"] },
  ])
