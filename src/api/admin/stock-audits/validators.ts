import { z } from "@medusajs/framework/zod"
import { LINE_RESULTS, MAX_SCAN_QUANTITY, STOCK_AUDIT_STATUSES } from "../../../lib/stock-audit"
import { findParams, TagCode } from "../../utils/validators"

const quantity = z
  .number({ error: "quantity is a whole number of pieces" })
  .int("quantity is a whole number of pieces")
  .min(1, "quantity is at least 1 (undo a scan with DELETE)")
  .max(MAX_SCAN_QUANTITY, `quantity is at most ${MAX_SCAN_QUANTITY}`)

export const OpenStockAuditBody = z
  .object({
    branch_id: z.string().min(1),
    category_id: z.string().min(1).optional(),
    note: z.string().trim().max(500).optional(),
  })
  .strict()
export type OpenStockAuditBodyType = z.infer<typeof OpenStockAuditBody>

export const ListStockAuditsQuery = findParams({ limit: 20, maxLimit: 100 })
  .extend({
    branch_id: z.string().min(1).optional(),
    status: z.enum(STOCK_AUDIT_STATUSES).optional(),
  })
  .strict()
export type ListStockAuditsQueryType = z.infer<typeof ListStockAuditsQuery>

/** Query strings repeat a key for a list (`result=missing&result=extra`) or give it once. */
const results = z.union([z.enum(LINE_RESULTS), z.array(z.enum(LINE_RESULTS)).min(1)]).transform((v) => (Array.isArray(v) ? v : [v]))

export const StockAuditQuery = findParams({ limit: 50, maxLimit: 500 })
  .extend({ result: results.optional() })
  .strict()
export type StockAuditQueryType = z.infer<typeof StockAuditQuery>

export const StockAuditExportQuery = z
  .object({
    format: z.enum(["csv", "xlsx"]).default("csv"),
    result: results.optional(),
  })
  .strict()
export type StockAuditExportQueryType = z.infer<typeof StockAuditExportQuery>

export const StockAuditScanBody = z.object({ tag_code: TagCode, quantity: quantity.default(1) }).strict()
export type StockAuditScanBodyType = z.infer<typeof StockAuditScanBody>

export const StockAuditCountBody = z.object({ quantity }).strict()
export type StockAuditCountBodyType = z.infer<typeof StockAuditCountBody>

/** Closing, posting and cancelling take no fields but a note for the audit trail. */
export const StockAuditActionBody = z.object({ note: z.string().trim().max(500).optional() }).strict()
export type StockAuditActionBodyType = z.infer<typeof StockAuditActionBody>
