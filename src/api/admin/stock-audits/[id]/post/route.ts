import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StockAuditPostResponse } from "../../../../../types/http"
import { postStockAuditWorkflow } from "../../../../../workflows/stock-audit"
import { auditActor } from "../../../../utils/audit"
import { adjustmentViews, auditViews } from "../../helpers"
import { branchDirectory } from "../../../../utils/directory"
import type { StockAuditActionBodyType } from "../../validators"

/**
 * POST /admin/stock-audits/:id/post — the owner or a branch manager (the matrix's stock `approve`) posts a closed
 * audit's report to Medusa's inventory: missing pieces leave this branch's stock, extra ones join it, misplaced
 * ones move here from the branch they were in stock at; each change and the posting go to the audit trail.
 * Once: posting a posted audit answers the same adjustments with `replayed: true` and changes nothing. An audit
 * that is open or cancelled: 409.
 */
export async function POST(req: AuthenticatedMedusaRequest<StockAuditActionBodyType>, res: MedusaResponse<StockAuditPostResponse>) {
  const actor = auditActor(req)
  const { result } = await postStockAuditWorkflow(req.scope).run({
    input: { id: req.params.id, user_id: req.auth_context?.actor_id ?? null, note: req.validatedBody.note ?? null, actor },
  })
  const branches = await branchDirectory(req.scope)
  const [audit] = await auditViews(req.scope, [result.audit], branches)
  res.json({ audit, adjustments: adjustmentViews(result.adjustments, branches), replayed: result.replayed })
}
