import { model } from "@medusajs/framework/utils"
import { APPROVAL_MEMO_STATUSES } from "../../../lib/approval-memo"
import { ApprovalMemoLine } from "./approval-memo-line"

/**
 * Pieces a customer took home on approval from a branch (src/lib/approval-memo.ts): open while any is out,
 * closed when each came back or was bought. Numbered per branch and financial year (MUM/AP26-27/0001).
 */
export const ApprovalMemo = model
  .define("approval_memo", {
    id: model.id({ prefix: "apmemo" }).primaryKey(),
    number: model.text(),
    series: model.text(),
    sequence: model.number(),
    branch_id: model.text(),
    location_id: model.text(),
    customer_id: model.text(),
    status: model.enum([...APPROVAL_MEMO_STATUSES]).default("open"),
    due_at: model.dateTime(),
    note: model.text().nullable(),
    issued_by: model.text().nullable(),
    issued_at: model.dateTime(),
    closed_at: model.dateTime().nullable(),
    /** The follow-up task that puts the memo on the branch's list for its due date. */
    follow_up_task_id: model.text().nullable(),
    /** The Idempotency-Key it was given with: a retry answers this memo and gives nothing again. */
    idempotency_key: model.text().nullable(),
    lines: model.hasMany(() => ApprovalMemoLine, { mappedBy: "memo" }),
  })
  .cascades({ delete: ["lines"] })
  .indexes([
    { on: ["number"], unique: true, where: "deleted_at IS NULL" },
    { on: ["branch_id", "status", "due_at"] },
    { on: ["customer_id", "status"] },
    { on: ["idempotency_key"], unique: true, where: "idempotency_key IS NOT NULL AND deleted_at IS NULL" },
  ])
