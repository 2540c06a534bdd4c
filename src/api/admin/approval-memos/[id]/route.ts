import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { APPROVAL_MEMO_MODULE } from "../../../../modules/approval-memo"
import type ApprovalMemoModuleService from "../../../../modules/approval-memo/service"
import type { ApprovalMemoResponse } from "../../../../types/http"
import { memoWithLines } from "../helpers"

/** GET /admin/approval-memos/:id — the memo with every piece and its state; another branch's memo is not found (branch staff). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<ApprovalMemoResponse>) {
  const memo = await req.scope.resolve<ApprovalMemoModuleService>(APPROVAL_MEMO_MODULE).memoById(req.params.id)
  res.json(await memoWithLines(req.scope, memo))
}
