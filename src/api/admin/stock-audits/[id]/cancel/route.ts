import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StockAuditView } from "../../../../../types/http"
import { moveStockAuditWorkflow } from "../../../../../workflows/stock-audit"
import { recordAudit } from "../../../../utils/audit"
import { auditViews } from "../../helpers"
import type { StockAuditActionBodyType } from "../../validators"

/**
 * POST /admin/stock-audits/:id/cancel — abandons an open or closed audit without touching the stock (the owner and
 * branch managers). 200 with the audit; a posted or cancelled audit: 409.
 */
export async function POST(req: AuthenticatedMedusaRequest<StockAuditActionBodyType>, res: MedusaResponse<{ audit: StockAuditView }>) {
  const { result } = await moveStockAuditWorkflow(req.scope).run({ input: { id: req.params.id, action: "cancel", user_id: req.auth_context?.actor_id ?? null } })
  await recordAudit(req.scope, req, {
    action: "stock_audit.cancelled",
    entity: "stock_audit",
    entity_id: result.id,
    branch_id: result.branch_id,
    changes: { status: { before: result.closed_at ? "closed" : "open", after: "cancelled" } },
    metadata: req.validatedBody.note ? { note: req.validatedBody.note } : null,
  })
  const [audit] = await auditViews(req.scope, [result])
  res.json({ audit })
}
