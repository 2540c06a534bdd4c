import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { jobBill, jobCharges, jobGstRate, JOB_SERVICE_SAC, netPaid } from "../../../../../lib/workshop"
import { WORKSHOP_MODULE } from "../../../../../modules/workshop"
import type WorkshopModuleService from "../../../../../modules/workshop/service"
import type { JobBillQueryType } from "../../validators"

/**
 * GET /admin/job-cards/:id/bill?charges&gstin — what delivering the job would bill, before it is delivered: the
 * charges (the estimate unless given), GST at the work's SAC and rate, the total to the rupee, the advances paid and
 * the balance the tenders must meet (negative: what goes back). The delivery works it out again; this only shows it.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, JobBillQueryType>, res: MedusaResponse) {
  const workshop = req.scope.resolve<WorkshopModuleService>(WORKSHOP_MODULE)
  const job = await workshop.jobById(req.params.id)
  if (job.status === "delivered" || job.status === "cancelled") {
    throw new MedusaError(MedusaError.Types.CONFLICT, `Job ${job.number} was ${job.status}${job.invoice_number ? `; its bill is invoice ${job.invoice_number}` : ""}`)
  }
  const { charges, problem } = jobCharges(job, req.validatedQuery.charges)
  if (problem !== null) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
  }
  const paid = netPaid(await workshop.paymentsOf([job.id]))
  res.json({ bill: { ...jobBill(charges, jobGstRate(req.validatedQuery.gstin ?? null), paid), sac: JOB_SERVICE_SAC } })
}
