import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { APPROVAL_MEMO_MODULE } from "../../../modules/approval-memo"
import type ApprovalMemoModuleService from "../../../modules/approval-memo/service"
import type { ApprovalMemoListResponse, ApprovalMemoResponse } from "../../../types/http"
import { issueApprovalMemoWorkflow } from "../../../workflows/approval-memos"
import { assertOwnBranch, scopedBranchIds } from "../../utils/access"
import { auditActor } from "../../utils/audit"
import { memoViews, memoWithLines } from "./helpers"
import type { IssueApprovalMemoBodyType, ListApprovalMemosQueryType } from "./validators"

/**
 * POST /admin/approval-memos — gives pieces to a customer on approval: `{ branch_id, customer_id, pieces:
 * [{ tag_code, quantity? }], due_at?, note?, idempotency_key? }`. The pieces leave the branch's stock at once;
 * the memo goes on the branch's follow-up list for its due date. 201 with the memo and its lines; a piece not
 * free at the branch 409 naming each, nothing given; an unknown tag, a tag twice, a due date outside a day to a
 * month 400; another branch (branch staff) 400. The same idempotency key again: 200 with the same memo.
 */
export async function POST(req: AuthenticatedMedusaRequest<IssueApprovalMemoBodyType>, res: MedusaResponse<ApprovalMemoResponse>) {
  const body = req.validatedBody
  await assertOwnBranch(req, body.branch_id, `Branch "${body.branch_id}"`)
  const service: ApprovalMemoModuleService = req.scope.resolve(APPROVAL_MEMO_MODULE)
  const earlier = body.idempotency_key ? await service.memoByKey(body.idempotency_key) : null
  if (earlier) {
    await assertOwnBranch(req, earlier.branch_id, `Approval memo ${earlier.number}`)
    res.status(200).json(await memoWithLines(req.scope, earlier))
    return
  }
  const { result } = await issueApprovalMemoWorkflow(req.scope).run({
    input: {
      branch_id: body.branch_id,
      customer_id: body.customer_id,
      pieces: body.pieces,
      due_at: body.due_at ?? null,
      note: body.note ?? null,
      idempotency_key: body.idempotency_key ?? null,
      user_id: req.auth_context?.actor_id ?? null,
      actor: auditActor(req),
    },
  })
  res.status(201).json(await memoWithLines(req.scope, await service.memoById(result.id)))
}

/** GET /admin/approval-memos — memos newest first, of the user's branches; `branch_id`, `customer_id`, `status`, `overdue=true`, `limit`, `offset`. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, ListApprovalMemosQueryType>, res: MedusaResponse<ApprovalMemoListResponse>) {
  const { branch_id, customer_id, status, overdue, limit, offset } = req.validatedQuery as ListApprovalMemosQueryType
  const branches = await scopedBranchIds(req, branch_id)
  const page = await req.scope
    .resolve<ApprovalMemoModuleService>(APPROVAL_MEMO_MODULE)
    .listMemos({ branch_ids: branches ?? null, customer_id: customer_id ?? null, status: status ?? null, overdue: overdue ?? false, limit, offset })
  res.json({ memos: await memoViews(req.scope, page.memos), count: page.count, limit, offset })
}
