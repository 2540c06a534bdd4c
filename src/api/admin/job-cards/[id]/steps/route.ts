import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WORKSHOP_MODULE } from "../../../../../modules/workshop"
import type WorkshopModuleService from "../../../../../modules/workshop/service"
import { moveJobCardWorkflow } from "../../../../../workflows/workshop"
import { stockBranch } from "../../../../../workflows/stock/utils/branch-stock"
import { auditActor } from "../../../../utils/audit"
import { jobViews } from "../../helpers"
import type { MoveJobBodyType } from "../../validators"

/**
 * POST /admin/job-cards/:id/steps — `{ status, karigar_name? | karigar_id?, gross_weight_out?, net_weight_out? (grams), note?,
 * charges?, gstin?, tenders? }`: the job's next step. To the karigar needs who; delivered needs the weights as handed
 * back, within the job's allowed loss (409 naming the least it may weigh otherwise), and settles the bill: the
 * charges (the estimate unless given) with GST on a tax invoice, the balance after the advances met exactly by the
 * tenders (400 naming it otherwise), and any excess of the advances handed back. A cancelled job's advances go back.
 * A step that does not follow the job's: 409. The customer is told of each step.
 */
export async function POST(req: AuthenticatedMedusaRequest<MoveJobBodyType>, res: MedusaResponse) {
  const body = req.validatedBody
  const service: WorkshopModuleService = req.scope.resolve(WORKSHOP_MODULE)
  const current = await service.jobById(req.params.id)
  const branch = await stockBranch(req.scope, current.branch_id)
  const { result } = await moveJobCardWorkflow(req.scope).run({
    input: {
      id: current.id,
      to: body.status,
      user_id: req.auth_context?.actor_id ?? null,
      karigar_name: body.karigar_name ?? null,
      karigar_id: body.karigar_id ?? null,
      gross_weight_out_mg: body.gross_weight_out ?? null,
      net_weight_out_mg: body.net_weight_out ?? null,
      note: body.note ?? null,
      charges_paise: body.charges,
      customer_gstin: body.gstin ?? null,
      tenders: body.tenders?.map((t) => ({ tender: t.tender, amount_paise: t.amount, reference: t.reference ?? null })),
      branch_code: branch.code,
      branch_name: branch.name,
      actor: auditActor(req),
    },
  })
  res.json({ job: (await jobViews(req.scope, [await service.jobById(result.id)]))[0] })
}
