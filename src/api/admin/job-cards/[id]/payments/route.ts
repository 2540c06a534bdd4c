import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WORKSHOP_MODULE } from "../../../../../modules/workshop"
import type WorkshopModuleService from "../../../../../modules/workshop/service"
import { stockBranch } from "../../../../../workflows/stock/utils/branch-stock"
import { takeJobAdvanceWorkflow } from "../../../../../workflows/workshop"
import { auditActor } from "../../../../utils/audit"
import { jobViews } from "../../helpers"
import type { TakeAdvanceBodyType } from "../../validators"

/**
 * POST /admin/job-cards/:id/payments — `{ tender: cash|card|upi, amount (rupees), reference?, idempotency_key? }`:
 * an advance on an open job, on a receipt voucher numbered in the branch's series. Refused with 409 on a delivered or
 * cancelled job and beyond the estimate with GST; cash bringing the job's to ₹2,00,000 is 400. The same key again
 * answers the same payment (200).
 */
export async function POST(req: AuthenticatedMedusaRequest<TakeAdvanceBodyType>, res: MedusaResponse) {
  const body = req.validatedBody
  const service: WorkshopModuleService = req.scope.resolve(WORKSHOP_MODULE)
  const job = await service.jobById(req.params.id)
  const branch = await stockBranch(req.scope, job.branch_id)
  const { result } = await takeJobAdvanceWorkflow(req.scope).run({
    input: {
      job_id: job.id,
      branch_code: branch.code,
      amount_paise: body.amount,
      tender: body.tender,
      reference: body.reference ?? null,
      user_id: req.auth_context?.actor_id ?? null,
      idempotency_key: body.idempotency_key ?? null,
      actor: auditActor(req),
    },
  })
  res.status(result.created ? 201 : 200).json({ payment: result.payment, job: (await jobViews(req.scope, [await service.jobById(job.id)]))[0] })
}
