/** Approval memos (docs/counter.md, "Approval memos"; the rules in src/lib/approval-memo.ts). */
import type { StockAuditBranchRef } from "./stock-audit"
import type { StaffRef } from "./stock-transfer"

export type ApprovalMemoStatusName = "open" | "closed"
export type ApprovalMemoLineState = "out" | "returned" | "sold"

export type ApprovalMemoView = {
  id: string
  number: string
  status: ApprovalMemoStatusName
  /** Open past its due date. */
  overdue: boolean
  branch: StockAuditBranchRef
  customer: { id: string; name: string; phone: string | null }
  due_at: string | Date
  note: string | null
  issued_by: StaffRef | null
  issued_at: string | Date
  closed_at: string | Date | null
  follow_up_task_id: string | null
  /** Pieces by state. */
  summary: { out: number; returned: number; sold: number; pieces: number }
  /** What the pieces were worth when given, in paise (tax-exclusive). */
  value_paise: number
}

export type ApprovalMemoLineView = {
  id: string
  tag_code: string
  variant_id: string
  description: string | null
  huid: string | null
  net_weight_mg: number | null
  quantity: number
  value_paise: number | null
  state: ApprovalMemoLineState
  settled_at: string | Date | null
  settled_by: StaffRef | null
  order_id: string | null
}

export type ApprovalMemoListResponse = { memos: ApprovalMemoView[]; count: number; limit: number; offset: number }
export type ApprovalMemoResponse = { memo: ApprovalMemoView; lines: ApprovalMemoLineView[] }
