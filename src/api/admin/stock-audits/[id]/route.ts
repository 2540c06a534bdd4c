import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { STOCK_AUDIT_MODULE } from "../../../../modules/stock-audit"
import type StockAuditModuleService from "../../../../modules/stock-audit/service"
import type { StockAuditResponse } from "../../../../types/http"
import { auditViews, lineViews } from "../helpers"
import { branchDirectory } from "../../../utils/directory"
import type { StockAuditQueryType } from "../validators"

/**
 * GET /admin/stock-audits/:id — the audit with its report's figures (live while open, frozen once closed) and a
 * page of its lines, missing and misplaced first; `result` (repeatable) narrows them, `limit`, `offset`.
 * Another branch's audit is not found (src/api/utils/branch-scope.ts).
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, StockAuditQueryType>, res: MedusaResponse<StockAuditResponse>) {
  const { result, limit, offset } = req.validatedQuery as StockAuditQueryType
  const stockAudit: StockAuditModuleService = req.scope.resolve(STOCK_AUDIT_MODULE)
  const row = await stockAudit.auditById(req.params.id)
  const branches = await branchDirectory(req.scope)
  const [[audit], page] = await Promise.all([auditViews(req.scope, [row], branches), stockAudit.listLines({ audit_id: row.id, results: result, limit, offset })])
  res.json({ audit, lines: await lineViews(req.scope, page.lines, { branches }), count: page.count, limit, offset })
}
