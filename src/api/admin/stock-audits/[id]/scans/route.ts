import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { DOMAIN_CONFLICT } from "../../../../../lib/errors"
import { duplicateScanMessage, type ScanResult } from "../../../../../lib/stock-audit"
import { STOCK_AUDIT_MODULE } from "../../../../../modules/stock-audit"
import type StockAuditModuleService from "../../../../../modules/stock-audit/service"
import type { StockAuditScanResponse } from "../../../../../types/http"
import { lineViews } from "../../helpers"
import { userNames } from "../../../../utils/directory"
import type { StockAuditScanBodyType } from "../../validators"

const SAID: Record<ScanResult, (belongsTo: string | null) => string> = {
  expected: () => "Expected here",
  misplaced: (branch) => `Belongs to ${branch ?? "another branch"}`,
  extra: () => "Not in stock anywhere: extra",
  unknown: () => "Unknown tag: no piece has it",
}

/**
 * POST /admin/stock-audits/:id/scans — `{ tag_code, quantity? }` (1 unless a tag holds several pieces, as coins
 * do): counts the tag into the open audit and answers at once what it is — expected, misplaced (and where it
 * belongs), extra or unknown. Straight to the module, not through a workflow: a scan is one transaction of two
 * statements with nothing to undo, and it is the counter's hot path (docs/benchmarks.md). A tag scanned into
 * this audit before: 409 with when and by whom, nothing written; a closed audit: 409.
 */
export async function POST(req: AuthenticatedMedusaRequest<StockAuditScanBodyType>, res: MedusaResponse<StockAuditScanResponse>) {
  const { tag_code, quantity } = req.validatedBody
  const stockAudit: StockAuditModuleService = req.scope.resolve(STOCK_AUDIT_MODULE)
  const outcome = await stockAudit.recordScan({ audit_id: req.params.id, tag_code, quantity, user_id: req.auth_context?.actor_id ?? null })
  if (!outcome.recorded) {
    const { duplicate } = outcome
    const by = duplicate.scanned_by ? ((await userNames(req.scope, [duplicate.scanned_by])).get(duplicate.scanned_by) ?? duplicate.scanned_by) : null
    throw new MedusaError(MedusaError.Types.CONFLICT, duplicateScanMessage(duplicate.tag_code, duplicate.scanned_at, by), DOMAIN_CONFLICT)
  }
  const { line, belongs_to } = outcome
  const [view] = await lineViews(req.scope, [line], { branches: [], names: new Map() })
  const branch = belongs_to ? { id: belongs_to.branch_id, code: belongs_to.branch_code, name: belongs_to.branch_name } : null
  res.status(201).json({
    scan: {
      tag_code: line.tag_code,
      result: line.scan_result!,
      quantity: line.counted_quantity,
      message: SAID[line.scan_result!](branch?.name ?? null),
      belongs_to: branch,
      line: { ...view, belongs_to: branch },
    },
  })
}
