import { model } from "@medusajs/framework/utils"
import { STOCK_AUDIT_STATUSES } from "../../../lib/stock-audit"
import { StockAuditLine } from "./stock-audit-line"

/**
 * A count of one branch's stock (or one category of it) by tag scan: open → closed → posted, or cancelled.
 * The stock it expects is snapshotted as lines when it is opened (src/lib/stock-audit.ts); scans fill in what
 * was counted; closing freezes the report, posting turns it into stock adjustments once.
 */
export const StockAudit = model
  .define("stock_audit", {
    id: model.id({ prefix: "saud" }).primaryKey(),
    branch_id: model.text(),
    /** The branch's stock location when the audit was opened: what it counts. */
    stock_location_id: model.text(),
    /** A product category (its subcategories with it); null: the whole branch. */
    category_id: model.text().nullable(),
    status: model.enum([...STOCK_AUDIT_STATUSES]).default("open"),
    note: model.text().nullable(),
    opened_by: model.text().nullable(),
    opened_at: model.dateTime(),
    closed_by: model.text().nullable(),
    closed_at: model.dateTime().nullable(),
    posted_by: model.text().nullable(),
    posted_at: model.dateTime().nullable(),
    cancelled_by: model.text().nullable(),
    cancelled_at: model.dateTime().nullable(),
    /** Tags and pieces the snapshot expects. */
    expected_tags: model.number().default(0),
    expected_quantity: model.number().default(0),
    /** The report's figures, frozen when the audit is closed (StockAuditSummary). */
    summary: model.json().nullable(),
    /** The stock adjustments posting made (StockAdjustment[]), kept with the audit. */
    adjustments: model.json().nullable(),
    lines: model.hasMany(() => StockAuditLine, { mappedBy: "audit" }),
  })
  .cascades({ delete: ["lines"] })
  .indexes([{ on: ["branch_id", "status"] }, { on: ["status", "opened_at"] }])
