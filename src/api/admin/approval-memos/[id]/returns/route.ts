import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { APPROVAL_MEMO_MODULE } from "../../../../../modules/approval-memo"
import type ApprovalMemoModuleService from "../../../../../modules/approval-memo/service"
import type { ApprovalMemoResponse } from "../../../../../types/http"
import { returnApprovalPiecesWorkflow } from "../../../../../workflows/approval-memos"
import { auditActor } from "../../../../utils/audit"
import { memoWithLines } from "../../helpers"
import type { ReturnApprovalPiecesBodyType } from "../../validators"

/**
 * POST /admin/approval-memos/:id/returns — `{ tags, note? }`: pieces the customer brought back go into the branch's
 * stock again; when none is out any more the memo closes. 200 with the memo; a tag not on the memo 400; one
 * returned or sold already 409 naming it; nothing written on a 4xx.
 */
export async function POST(req: AuthenticatedMedusaRequest<ReturnApprovalPiecesBodyType>, res: MedusaResponse<ApprovalMemoResponse>) {
  const { result } = await returnApprovalPiecesWorkflow(req.scope).run({
    input: { memo_id: req.params.id, tags: req.validatedBody.tags, note: req.validatedBody.note ?? null, user_id: req.auth_context?.actor_id ?? null, actor: auditActor(req) },
  })
  res.json(await memoWithLines(req.scope, await req.scope.resolve<ApprovalMemoModuleService>(APPROVAL_MEMO_MODULE).memoById(result.memo.id)))
}
