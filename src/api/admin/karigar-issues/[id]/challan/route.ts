import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { sellerOf } from "../../../../../lib/invoice"
import { renderJobWorkChallanPdf } from "../../../../../lib/job-work-challan-pdf"
import { documentFileName } from "../../../../../lib/tax-documents"
import { BRANCH_MODULE } from "../../../../../modules/branch"
import type BranchModuleService from "../../../../../modules/branch/service"
import { KARIGAR_MODULE } from "../../../../../modules/karigar"
import type KarigarModuleService from "../../../../../modules/karigar/service"
import { issueViews } from "../../helpers"

/** GET /admin/karigar-issues/:id/challan — the job-work challan that goes with the metal (A4 PDF): the branch and the karigar, the metal, its fine weight, the wastage allowed and the value at the day's rate. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service: KarigarModuleService = req.scope.resolve(KARIGAR_MODULE)
  const issue = await service.challanById(req.params.id)
  const [[view], karigar, [branch], [store]] = await Promise.all([
    issueViews(req.scope, [issue]),
    service.karigarById(issue.karigar_id),
    req.scope.resolve<BranchModuleService>(BRANCH_MODULE).listBranches({ id: issue.branch_id }, { take: 1 }),
    req.scope.resolve(Modules.STORE).listStores({}, { select: ["name"], take: 1 }),
  ])
  const pdf = await renderJobWorkChallanPdf({
    ...issue,
    from: sellerOf(branch, process.env.SHOP_NAME ?? store?.name ?? branch.name),
    karigar,
    job_card_number: view.job_card?.number ?? null,
  })
  res.setHeader("content-type", "application/pdf")
  res.setHeader("content-disposition", `inline; filename="${documentFileName(issue.number)}"`)
  res.setHeader("cache-control", "private, no-store")
  res.send(pdf)
}
