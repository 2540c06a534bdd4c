import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StockAuditView } from "../../../../../types/http"
import { moveStockAuditWorkflow } from "../../../../../workflows/stock-audit"
import { recordAudit } from "../../../../utils/audit"
import { auditViews } from "../../helpers"
import type { StockAuditActionBodyType } from "../../validators"

/**
 * POST /admin/stock-audits/:id/close — ends the count: no more scans, and the report is final (what was expected
 * and not counted is missing). 200 with the audit and its figures; an audit not open: 409 saying why.
 */
export async function POST(req: AuthenticatedMedusaRequest<StockAuditActionBodyType>, res: MedusaResponse<{ audit: StockAuditView }>) {
  const { result } = await moveStockAuditWorkflow(req.scope).run({ input: { id: req.params.id, action: "close", user_id: req.auth_context?.actor_id ?? null } })
  await recordAudit(req.scope, req, {
    action: "stock_audit.closed",
    entity: "stock_audit",
    entity_id: result.id,
    branch_id: result.branch_id,
    changes: { status: { before: "open", after: "closed" } },
    metadata: { summary: result.summary, ...(req.validatedBody.note ? { note: req.validatedBody.note } : {}) },
  })
  const [audit] = await auditViews(req.scope, [result])
  res.json({ audit })
}
