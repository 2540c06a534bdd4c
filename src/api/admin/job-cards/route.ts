import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WORKSHOP_MODULE } from "../../../modules/workshop"
import type WorkshopModuleService from "../../../modules/workshop/service"
import { receiveJobCardWorkflow } from "../../../workflows/workshop"
import { assertOwnBranch, scopedBranchIds } from "../../utils/access"
import { auditActor } from "../../utils/audit"
import { jobViews } from "./helpers"
import type { ListJobsQueryType, ReceiveJobBodyType } from "./validators"

/**
 * POST /admin/job-cards — takes in a repair or a custom order: `{ branch_id, customer_id, kind, article, work,
 * gross_weight_in, net_weight_in (grams), customer_material?, adds_material?, allowed_loss_bps?, estimate? (₹),
 * due_at, karigar_name?, note?, idempotency_key? }`. 201 with the job card; the customer is told it was received.
 * The same idempotency key again: 200 with the same job. Another branch (branch staff): 400.
 */
export async function POST(req: AuthenticatedMedusaRequest<ReceiveJobBodyType>, res: MedusaResponse) {
  const body = req.validatedBody
  await assertOwnBranch(req, body.branch_id, `Branch "${body.branch_id}"`)
  const service: WorkshopModuleService = req.scope.resolve(WORKSHOP_MODULE)
  const earlier = body.idempotency_key ? await service.jobByKey(body.idempotency_key) : null
  if (earlier) {
    await assertOwnBranch(req, earlier.branch_id, `Job card ${earlier.number}`)
    res.status(200).json({ job: (await jobViews(req.scope, [earlier]))[0] })
    return
  }
  const { result } = await receiveJobCardWorkflow(req.scope).run({
    input: {
      branch_id: body.branch_id,
      customer_id: body.customer_id,
      kind: body.kind,
      article: body.article,
      work: body.work,
      gross_weight_in_mg: body.gross_weight_in,
      net_weight_in_mg: body.net_weight_in,
      customer_material: body.customer_material ?? null,
      adds_material: body.adds_material,
      allowed_loss_bps: body.allowed_loss_bps ?? null,
      estimate_paise: body.estimate ?? null,
      due_at: body.due_at,
      karigar_name: body.karigar_name ?? null,
      note: body.note ?? null,
      user_id: req.auth_context?.actor_id ?? null,
      idempotency_key: body.idempotency_key ?? null,
      actor: auditActor(req),
    },
  })
  res.status(201).json({ job: (await jobViews(req.scope, [await service.jobById(result.id)]))[0] })
}

/** GET /admin/job-cards — the user's branches' job cards, open ones first by due date; `branch_id`, `customer_id`, `status` (repeatable), `overdue=true`, `limit`, `offset`. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, ListJobsQueryType>, res: MedusaResponse) {
  const { branch_id, customer_id, status, overdue, limit, offset } = req.validatedQuery as ListJobsQueryType
  const branches = await scopedBranchIds(req, branch_id)
  const page = await req.scope
    .resolve<WorkshopModuleService>(WORKSHOP_MODULE)
    .listJobs({ branch_ids: branches ?? null, customer_id: customer_id ?? null, statuses: status ?? null, overdue: overdue ?? false, limit, offset })
  res.json({ jobs: await jobViews(req.scope, page.jobs), count: page.count, limit, offset })
}
