import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KARIGAR_MODULE } from "../../../modules/karigar"
import type KarigarModuleService from "../../../modules/karigar/service"
import { issueToKarigarWorkflow } from "../../../workflows/karigar"
import { assertOwnBranch, scopedBranchIds } from "../../utils/access"
import { auditActor } from "../../utils/audit"
import { issueViews } from "./helpers"
import type { IssueToKarigarBodyType, ListIssuesQueryType } from "./validators"

/**
 * POST /admin/karigar-issues — issues metal or pieces to a karigar on a job-work challan: `{ branch_id,
 * karigar_id, job_card_id?, metal, form? (metal|pieces), description, purity, gross_weight, net_weight? (grams),
 * allowed_wastage_bps?, from_old_gold_stock?, due_at?, note?, idempotency_key? }`. 201 with the challan (its fine
 * weight and declared value worked out here); the same key again: 200 with it. Another branch (branch staff): 400.
 */
export async function POST(req: AuthenticatedMedusaRequest<IssueToKarigarBodyType>, res: MedusaResponse) {
  const body = req.validatedBody
  await assertOwnBranch(req, body.branch_id, `Branch "${body.branch_id}"`)
  const service: KarigarModuleService = req.scope.resolve(KARIGAR_MODULE)
  const earlier = body.idempotency_key ? await service.challanByKey(body.idempotency_key) : null
  if (earlier) {
    await assertOwnBranch(req, earlier.branch_id, `Challan ${earlier.number}`)
    res.status(200).json({ issue: (await issueViews(req.scope, [earlier], { receipts: true }))[0] })
    return
  }
  const { result } = await issueToKarigarWorkflow(req.scope).run({
    input: {
      branch_id: body.branch_id,
      karigar_id: body.karigar_id,
      job_card_id: body.job_card_id ?? null,
      metal: body.metal,
      form: body.form,
      description: body.description,
      purity: body.purity,
      gross_weight_mg: body.gross_weight,
      net_weight_mg: body.net_weight ?? body.gross_weight,
      allowed_wastage_bps: body.allowed_wastage_bps ?? null,
      from_old_gold_stock: body.from_old_gold_stock,
      due_at: body.due_at ?? null,
      note: body.note ?? null,
      user_id: req.auth_context?.actor_id ?? null,
      idempotency_key: body.idempotency_key ?? null,
      actor: auditActor(req),
    },
  })
  res.status(201).json({ issue: (await issueViews(req.scope, [await service.challanById(result.id)], { receipts: true }))[0] })
}

/** GET /admin/karigar-issues — the user's branches' challans, open ones first, newest first; `branch_id`, `karigar_id`, `job_card_id`, `status` (repeatable), `limit`, `offset`. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, ListIssuesQueryType>, res: MedusaResponse) {
  const { branch_id, karigar_id, job_card_id, status, limit, offset } = req.validatedQuery as ListIssuesQueryType
  const branches = await scopedBranchIds(req, branch_id)
  const page = await req.scope
    .resolve<KarigarModuleService>(KARIGAR_MODULE)
    .listIssues({ branch_ids: branches ?? null, karigar_id: karigar_id ?? null, job_card_id: job_card_id ?? null, statuses: status ?? null, limit, offset })
  res.json({ issues: await issueViews(req.scope, page.issues), count: page.count, limit, offset })
}
