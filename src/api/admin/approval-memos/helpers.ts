import type { MedusaContainer } from "@medusajs/framework/types"
import { isOverdue } from "../../../lib/approval-memo"
import { APPROVAL_MEMO_MODULE } from "../../../modules/approval-memo"
import type ApprovalMemoModuleService from "../../../modules/approval-memo/service"
import type { MemoLineRow, MemoRow } from "../../../modules/approval-memo/service"
import type { ApprovalMemoLineView, ApprovalMemoView } from "../../../types/http"
import { branchDirectory, customerContacts, staffRef as staff, userNames } from "../../utils/directory"

/** Memos as the routes answer them: branch, customer and staff named, pieces by state, overdue or not. */
export async function memoViews(scope: MedusaContainer, memos: MemoRow[], lines?: MemoLineRow[]): Promise<ApprovalMemoView[]> {
  if (!memos.length) {
    return []
  }
  const service = scope.resolve<ApprovalMemoModuleService>(APPROVAL_MEMO_MODULE)
  const ids = memos.map((m) => m.id)
  const [branches, allLines, names, customers] = await Promise.all([
    branchDirectory(scope),
    lines ? Promise.resolve(lines) : service.linesOf(ids),
    userNames(scope, memos.map((m) => m.issued_by)),
    customerContacts(scope, memos.map((m) => m.customer_id)),
  ])
  const now = new Date()
  return memos.map((m) => {
    const branch = branches.find((b) => b.id === m.branch_id)
    const own = allLines.filter((l) => l.memo_id === m.id)
    const sum = (state: MemoLineRow["state"]) => own.filter((l) => l.state === state).reduce((n, l) => n + l.quantity, 0)
    return {
      id: m.id,
      number: m.number,
      status: m.status,
      overdue: isOverdue(m, now),
      branch: { id: m.branch_id, code: branch?.code ?? "", name: branch?.name ?? m.branch_id },
      customer: customers.get(m.customer_id)!,
      due_at: m.due_at,
      note: m.note,
      issued_by: staff(names, m.issued_by),
      issued_at: m.issued_at,
      closed_at: m.closed_at,
      follow_up_task_id: m.follow_up_task_id,
      summary: { out: sum("out"), returned: sum("returned"), sold: sum("sold"), pieces: own.reduce((n, l) => n + l.quantity, 0) },
      value_paise: own.reduce((n, l) => n + (l.value_paise ?? 0), 0),
    }
  })
}

/** A memo's lines with who settled each named. */
export async function memoLineViews(scope: MedusaContainer, lines: MemoLineRow[]): Promise<ApprovalMemoLineView[]> {
  const names = await userNames(scope, lines.map((l) => l.settled_by))
  return lines.map((l) => ({
    id: l.id,
    tag_code: l.tag_code,
    variant_id: l.variant_id,
    description: l.description,
    huid: l.huid,
    net_weight_mg: l.net_weight_mg,
    quantity: l.quantity,
    value_paise: l.value_paise,
    state: l.state,
    settled_at: l.settled_at,
    settled_by: staff(names, l.settled_by),
    order_id: l.order_id,
  }))
}

/** A memo with its lines, as the routes answer it. */
export async function memoWithLines(scope: MedusaContainer, memo: MemoRow) {
  const lines = await scope.resolve<ApprovalMemoModuleService>(APPROVAL_MEMO_MODULE).linesOf([memo.id])
  const [[view], lineViews] = await Promise.all([memoViews(scope, [memo], lines), memoLineViews(scope, lines)])
  return { memo: view, lines: lineViews }
}
