import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KARIGAR_MODULE } from "../../../../modules/karigar"
import type KarigarModuleService from "../../../../modules/karigar/service"
import { issueViews } from "../helpers"

/** GET /admin/karigar-issues/:id — one challan with its receipts; another branch's is not found (branch staff). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const issue = await req.scope.resolve<KarigarModuleService>(KARIGAR_MODULE).challanById(req.params.id)
  res.json({ issue: (await issueViews(req.scope, [issue], { receipts: true }))[0] })
}
