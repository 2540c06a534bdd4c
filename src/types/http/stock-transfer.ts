/** Stock transfers between branches (docs/counter.md, "Stock transfers"; the rules in src/lib/stock-transfer.ts). */
import type { StockAuditBranchRef } from "./stock-audit"

export type StockTransferStatusName = "in_transit" | "received" | "cancelled"
export type StockTransferLineResult = "in_transit" | "received" | "short" | "extra"

type Count = { tags: number; quantity: number }

export type StockTransferSummaryView = { sent: Count; received: Count; in_transit: Count; short: Count; extra: Count; complete: boolean }

export type StaffRef = { id: string; name: string }

export type StockTransferView = {
  id: string
  number: string
  status: StockTransferStatusName
  from_branch: StockAuditBranchRef
  to_branch: StockAuditBranchRef
  /** Whether the branches are in two states (the challan carries IGST) or one. */
  challan_kind: "inter_state" | "intra_state"
  carrier: string | null
  note: string | null
  dispatched_by: StaffRef | null
  dispatched_at: string | Date
  received_by: StaffRef | null
  received_at: string | Date | null
  cancelled_by: StaffRef | null
  cancelled_at: string | Date | null
  /** Live while in transit; as it was closed or cancelled after. */
  summary: StockTransferSummaryView
  /** What the pieces sent were worth when they left, in paise (today's tax-exclusive prices). */
  value_paise: number
}

export type StockTransferLineView = {
  id: string
  tag_code: string
  variant_id: string | null
  description: string | null
  huid: string | null
  net_weight_mg: number | null
  quantity: number
  value_paise: number | null
  result: StockTransferLineResult
  scanned_at: string | Date | null
  scanned_by: StaffRef | null
}

export type StockTransferListResponse = { transfers: StockTransferView[]; count: number; limit: number; offset: number }
export type StockTransferResponse = { transfer: StockTransferView; lines: StockTransferLineView[] }
export type StockTransferScanResponse = { scan: { tag_code: string; result: StockTransferLineResult; message: string; line: StockTransferLineView }; transfer: StockTransferView }
