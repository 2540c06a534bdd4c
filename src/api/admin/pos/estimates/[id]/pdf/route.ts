import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { renderEstimatePdf, type EstimateFormat } from "../../../../../../lib/estimate-pdf"
import { sellerOf } from "../../../../../../lib/invoice"
import { BRANCH_MODULE } from "../../../../../../modules/branch"
import type BranchModuleService from "../../../../../../modules/branch/service"
import { POS_MODULE } from "../../../../../../modules/pos"
import type PosModuleService from "../../../../../../modules/pos/service"
import type { EstimateFigures } from "../../../../../../workflows/pos"
import type { PosEstimatePdfQueryType } from "../../../validators"

/** GET /admin/pos/estimates/:id/pdf?format=a4|thermal — the estimate to hand over: A4, or an 80 mm thermal roll. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, PosEstimatePdfQueryType>, res: MedusaResponse) {
  const [estimate] = await req.scope.resolve<PosModuleService>(POS_MODULE).listPosEstimates({ id: req.params.id }, { take: 1 })
  if (!estimate) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Estimate "${req.params.id}" was not found`)
  }
  const format = (req.validatedQuery as PosEstimatePdfQueryType).format as EstimateFormat
  const [branch] = await req.scope.resolve<BranchModuleService>(BRANCH_MODULE).listBranches({ id: estimate.branch_id }, { take: 1 })
  const [store] = await req.scope.resolve(Modules.STORE).listStores({}, { select: ["name"], take: 1 })
  const pdf = await renderEstimatePdf(
    { ...(estimate.document as unknown as EstimateFigures), number: estimate.number, created_at: estimate.created_at, seller: sellerOf(branch, process.env.SHOP_NAME ?? store?.name ?? branch.name) },
    format
  )
  res.setHeader("content-type", "application/pdf")
  res.setHeader("content-disposition", `inline; filename="${estimate.number}${format === "thermal" ? "-80mm" : ""}.pdf"`)
  res.setHeader("cache-control", "private, no-store")
  res.send(pdf)
}
