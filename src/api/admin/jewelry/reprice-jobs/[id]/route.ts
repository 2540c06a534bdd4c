import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { JEWELRY_MODULE } from "../../../../../modules/jewelry"
import type JewelryModuleService from "../../../../../modules/jewelry/service"

/** GET /admin/jewelry/reprice-jobs/:id: progress (total, processed, failed, failures). */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const jewelry: JewelryModuleService = req.scope.resolve(JEWELRY_MODULE)
  const [job] = await jewelry.listRepriceJobs({ id: req.params.id })
  if (!job) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Reprice job with id "${req.params.id}" was not found`)
  }
  res.json({ reprice_job: job })
}
