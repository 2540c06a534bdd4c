/** Stock audits by tag scan (docs/counter.md, "Stock audit"; the rules in src/lib/stock-audit.ts). */

export type StockAuditStatusName = "open" | "closed" | "posted" | "cancelled"
export type StockAuditScanResult = "expected" | "extra" | "misplaced" | "unknown"
export type StockAuditLineResult = "found" | "missing" | "extra" | "misplaced" | "unknown"

export type StockAuditBranchRef = { id: string; code: string; name: string }

export type StockAuditSummaryView = {
  expected: { tags: number; quantity: number }
  counted: { tags: number; quantity: number }
  lines: Record<StockAuditLineResult, number>
  quantity: Record<StockAuditLineResult, number>
  balanced: boolean
}

export type StockAuditView = {
  id: string
  branch: StockAuditBranchRef
  stock_location_id: string
  category: { id: string; name: string } | null
  status: StockAuditStatusName
  note: string | null
  opened_by: string | null
  opened_at: string | Date
  closed_by: string | null
  closed_at: string | Date | null
  posted_by: string | null
  posted_at: string | Date | null
  cancelled_by: string | null
  cancelled_at: string | Date | null
  /** The report's figures: live while the audit is open, frozen once it is closed. */
  summary: StockAuditSummaryView
}

export type StockAuditLineView = {
  id: string
  tag_code: string
  variant_id: string | null
  sku: string | null
  product_title: string | null
  variant_title: string | null
  expected_quantity: number
  counted_quantity: number
  /** counted − expected: below 0 missing, above 0 extra. */
  difference: number
  scan_result: StockAuditScanResult | null
  result: StockAuditLineResult
  /** A misplaced piece: the branch it is in stock at. */
  belongs_to: StockAuditBranchRef | null
  scanned_at: string | Date | null
  scanned_by: { id: string; name: string } | null
}

export type StockAuditListResponse = { audits: StockAuditView[]; count: number; limit: number; offset: number }
export type StockAuditResponse = { audit: StockAuditView; lines: StockAuditLineView[]; count: number; limit: number; offset: number }

export type StockAuditScanResponse = {
  scan: {
    tag_code: string
    result: StockAuditScanResult
    quantity: number
    /** What the counter reads at once: "Expected", "Belongs to Pune", … */
    message: string
    belongs_to: StockAuditBranchRef | null
    line: StockAuditLineView
  }
}

export type StockAuditAdjustmentView = {
  tag_code: string
  inventory_item_id: string
  location_id: string
  branch_id: string | null
  branch: StockAuditBranchRef | null
  from: number
  to: number
  reason: "missing" | "extra" | "misplaced_out" | "misplaced_in"
}

export type StockAuditPostResponse = { audit: StockAuditView; adjustments: StockAuditAdjustmentView[]; replayed: boolean }
