import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { sellerOf } from "../../../../../lib/invoice"
import { renderJobCardPdf } from "../../../../../lib/job-card-pdf"
import { documentFileName } from "../../../../../lib/tax-documents"
import { BRANCH_MODULE } from "../../../../../modules/branch"
import type BranchModuleService from "../../../../../modules/branch/service"
import { WORKSHOP_MODULE } from "../../../../../modules/workshop"
import type WorkshopModuleService from "../../../../../modules/workshop/service"
import { jobViews } from "../../helpers"

/** GET /admin/job-cards/:id/pdf — the customer's copy of the job card (A5): the article, the work, the weights, the estimate and due date. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const job = await req.scope.resolve<WorkshopModuleService>(WORKSHOP_MODULE).jobById(req.params.id)
  const [[view], [branch], [store]] = await Promise.all([
    jobViews(req.scope, [job]),
    req.scope.resolve<BranchModuleService>(BRANCH_MODULE).listBranches({ id: job.branch_id }, { take: 1 }),
    req.scope.resolve(Modules.STORE).listStores({}, { select: ["name"], take: 1 }),
  ])
  const pdf = await renderJobCardPdf({
    ...job,
    shop: sellerOf(branch, process.env.SHOP_NAME ?? store?.name ?? branch.name),
    customer: { name: view.customer.name, phone: view.customer.phone },
  })
  res.setHeader("content-type", "application/pdf")
  res.setHeader("content-disposition", `inline; filename="${documentFileName(job.number)}"`)
  res.setHeader("cache-control", "private, no-store")
  res.send(pdf)
}
