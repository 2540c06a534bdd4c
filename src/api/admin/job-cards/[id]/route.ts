import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WORKSHOP_MODULE } from "../../../../modules/workshop"
import type WorkshopModuleService from "../../../../modules/workshop/service"
import { jobViews } from "../helpers"

/** GET /admin/job-cards/:id — one job card; another branch's is not found (branch staff). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const job = await req.scope.resolve<WorkshopModuleService>(WORKSHOP_MODULE).jobById(req.params.id)
  res.json({ job: (await jobViews(req.scope, [job]))[0] })
}
