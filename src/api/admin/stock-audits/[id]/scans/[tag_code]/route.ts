import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StockAuditLineView } from "../../../../../../types/http"
import { correctStockAuditScanWorkflow } from "../../../../../../workflows/stock-audit"
import { recordAudit } from "../../../../../utils/audit"
import { lineViews } from "../../../helpers"
import type { StockAuditCountBodyType } from "../../../validators"

/**
 * POST /admin/stock-audits/:id/scans/:tag_code — `{ quantity }`: changes the count of a tag scanned into the open
 * audit (what a second scan of it is told to do). 200 with the line; a tag not scanned: 404; a closed audit: 409.
 */
export async function POST(req: AuthenticatedMedusaRequest<StockAuditCountBodyType>, res: MedusaResponse<{ line: StockAuditLineView }>) {
  const { result } = await correctStockAuditScanWorkflow(req.scope).run({ input: { audit_id: req.params.id, tag_code: req.params.tag_code, quantity: req.validatedBody.quantity } })
  await recordAudit(req.scope, req, {
    action: "stock_audit.count_changed",
    entity: "stock_audit",
    entity_id: req.params.id,
    changes: { counted_quantity: { before: result.before.counted_quantity, after: result.after!.counted_quantity } },
    metadata: { tag_code: result.before.tag_code },
  })
  const [line] = await lineViews(req.scope, [result.after!])
  res.json({ line })
}

/**
 * DELETE /admin/stock-audits/:id/scans/:tag_code — undoes the scan of a tag (scanned by mistake): an expected tag
 * is uncounted again, any other leaves the audit. 200 with `{ tag_code, deleted: true }`.
 */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse<{ tag_code: string; deleted: true }>) {
  const { result } = await correctStockAuditScanWorkflow(req.scope).run({ input: { audit_id: req.params.id, tag_code: req.params.tag_code, quantity: null } })
  await recordAudit(req.scope, req, {
    action: "stock_audit.scan_undone",
    entity: "stock_audit",
    entity_id: req.params.id,
    changes: { counted_quantity: { before: result.before.counted_quantity, after: 0 } },
    metadata: { tag_code: result.before.tag_code },
  })
  res.json({ tag_code: result.before.tag_code, deleted: true })
}
