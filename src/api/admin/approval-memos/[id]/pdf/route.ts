import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { renderApprovalMemoPdf } from "../../../../../lib/approval-memo-pdf"
import { sellerOf } from "../../../../../lib/invoice"
import { documentFileName } from "../../../../../lib/tax-documents"
import { APPROVAL_MEMO_MODULE } from "../../../../../modules/approval-memo"
import type ApprovalMemoModuleService from "../../../../../modules/approval-memo/service"
import { BRANCH_MODULE } from "../../../../../modules/branch"
import type BranchModuleService from "../../../../../modules/branch/service"
import { memoViews } from "../../helpers"

/** GET /admin/approval-memos/:id/pdf — the memo to print for the customer's signature (A4): the pieces given, their value, the due date, the terms. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service: ApprovalMemoModuleService = req.scope.resolve(APPROVAL_MEMO_MODULE)
  const memo = await service.memoById(req.params.id)
  const lines = await service.linesOf([memo.id])
  const [[view], [branch], [store]] = await Promise.all([
    memoViews(req.scope, [memo], lines),
    req.scope.resolve<BranchModuleService>(BRANCH_MODULE).listBranches({ id: memo.branch_id }, { take: 1 }),
    req.scope.resolve(Modules.STORE).listStores({}, { select: ["name"], take: 1 }),
  ])
  const pdf = await renderApprovalMemoPdf({
    number: memo.number,
    issued_at: memo.issued_at,
    due_at: memo.due_at,
    shop: sellerOf(branch, process.env.SHOP_NAME ?? store?.name ?? branch.name),
    customer: { name: view.customer.name, phone: view.customer.phone },
    note: memo.note,
    pieces: [...lines].sort((a, b) => a.tag_code.localeCompare(b.tag_code)),
  })
  res.setHeader("content-type", "application/pdf")
  res.setHeader("content-disposition", `inline; filename="${documentFileName(memo.number)}"`)
  res.setHeader("cache-control", "private, no-store")
  res.send(pdf)
}
