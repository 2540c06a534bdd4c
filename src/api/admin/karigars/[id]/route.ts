import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KARIGAR_MODULE } from "../../../../modules/karigar"
import type KarigarModuleService from "../../../../modules/karigar/service"
import { branchScope } from "../../../utils/access"
import { auditActor } from "../../../utils/audit"
import { saveKarigarWorkflow } from "../../../../workflows/karigar"
import { karigarViews } from "../helpers"
import type { UpdateKarigarBodyType } from "../validators"

/** The last entries of a karigar's account shown with him. */
const LEDGER_ENTRIES = 100

/**
 * GET /admin/karigars/:id — a karigar with the fine metal he holds of the shop's and his account (the last 100
 * issues, receipts and wastage, each with his balance after it); branch staff see their branches' challans only.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service: KarigarModuleService = req.scope.resolve(KARIGAR_MODULE)
  const karigar = await service.karigarById(req.params.id)
  const [[view], ledger] = await Promise.all([karigarViews(req, [karigar]), service.ledgerOf(karigar.id, await branchScope(req), LEDGER_ENTRIES)])
  res.json({ karigar: { ...view, ledger } })
}

/** POST /admin/karigars/:id — changes a karigar's details (name, phone, address, gstin, wastage_bps, active, note); open challans keep the wastage they were issued with. */
export async function POST(req: AuthenticatedMedusaRequest<UpdateKarigarBodyType>, res: MedusaResponse) {
  const current = await req.scope.resolve<KarigarModuleService>(KARIGAR_MODULE).karigarById(req.params.id)
  const { result } = await saveKarigarWorkflow(req.scope).run({ input: { id: current.id, details: req.validatedBody, actor: auditActor(req) } })
  res.json({ karigar: (await karigarViews(req, [result]))[0] })
}
