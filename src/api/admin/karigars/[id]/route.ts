import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KARIGAR_MODULE } from "../../../../modules/karigar"
import type KarigarModuleService from "../../../../modules/karigar/service"
import { WORKSHOP_MODULE } from "../../../../modules/workshop"
import type WorkshopModuleService from "../../../../modules/workshop/service"
import { branchScope } from "../../../utils/access"
import { auditActor } from "../../../utils/audit"
import { saveKarigarWorkflow } from "../../../../workflows/karigar"
import { karigarViews } from "../helpers"
import type { UpdateKarigarBodyType } from "../validators"

/** The last entries of a karigar's account shown with him. */
const LEDGER_ENTRIES = 100
/** The workshop's jobs with him shown with him, those due first. */
const OPEN_JOBS = 50

/**
 * GET /admin/karigars/:id — a karigar with the fine metal he holds of the shop's, his account (the last 100
 * issues, receipts and wastage, each with his balance after it) and the repairs and custom orders with him now (`jobs`,
 * due first); branch staff see their branches' challans and jobs only.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service: KarigarModuleService = req.scope.resolve(KARIGAR_MODULE)
  const karigar = await service.karigarById(req.params.id)
  const branches = await branchScope(req)
  const [[view], ledger, { jobs }] = await Promise.all([
    karigarViews(req, [karigar]),
    service.ledgerOf(karigar.id, branches, LEDGER_ENTRIES),
    req.scope
      .resolve<WorkshopModuleService>(WORKSHOP_MODULE)
      .listJobs({ branch_ids: branches, customer_id: null, karigar_id: karigar.id, statuses: ["with_karigar"], overdue: false, limit: OPEN_JOBS, offset: 0 }),
  ])
  res.json({ karigar: { ...view, ledger, jobs: jobs.map((j) => ({ id: j.id, number: j.number, article: j.article, work: j.work, branch_id: j.branch_id, due_at: j.due_at, sent_at: j.sent_at })) } })
}

/** POST /admin/karigars/:id — changes a karigar's details (name, phone, address, gstin, wastage_bps, active, note); open challans keep the wastage they were issued with. */
export async function POST(req: AuthenticatedMedusaRequest<UpdateKarigarBodyType>, res: MedusaResponse) {
  const current = await req.scope.resolve<KarigarModuleService>(KARIGAR_MODULE).karigarById(req.params.id)
  const { result } = await saveKarigarWorkflow(req.scope).run({ input: { id: current.id, details: req.validatedBody, actor: auditActor(req) } })
  res.json({ karigar: (await karigarViews(req, [result]))[0] })
}
