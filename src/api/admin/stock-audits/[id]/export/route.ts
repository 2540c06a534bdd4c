import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { pieceDescription } from "../../../../../lib/design-products"
import type { ReportTable } from "../../../../../lib/report-export"
import { STOCK_AUDIT_MODULE } from "../../../../../modules/stock-audit"
import type StockAuditModuleService from "../../../../../modules/stock-audit/service"
import { sendReportTable } from "../../../reports/helpers"
import { auditViews, lineViews } from "../../helpers"
import { branchDirectory } from "../../../../utils/directory"
import type { StockAuditExportQueryType } from "../../validators"

/** The most lines one file holds (a branch's whole stock, many times over). */
const MAX_LINES = 200_000

/** "2026-12-05 14:05" in India time. */
const indiaTime = (at: string | Date | null) => (at ? new Date(new Date(at).getTime() + 330 * 60_000).toISOString().slice(0, 16).replace("T", " ") : null)

/**
 * GET /admin/stock-audits/:id/export?format=csv|xlsx — the audit's report as a file: one row a tag, missing and
 * misplaced first, with what was expected and counted, the difference and where a misplaced piece belongs;
 * `result` (repeatable) narrows it.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, StockAuditExportQueryType>, res: MedusaResponse) {
  const { format, result } = req.validatedQuery as StockAuditExportQueryType
  const stockAudit: StockAuditModuleService = req.scope.resolve(STOCK_AUDIT_MODULE)
  const row = await stockAudit.auditById(req.params.id)
  const branches = await branchDirectory(req.scope)
  const [[audit], page] = await Promise.all([auditViews(req.scope, [row], branches), stockAudit.listLines({ audit_id: row.id, results: result, limit: MAX_LINES, offset: 0 })])
  const lines = await lineViews(req.scope, page.lines, { branches })
  const table: ReportTable = {
    title: `Stock audit ${audit.branch.code}`,
    columns: [
      { header: "Tag", kind: "text" },
      { header: "Piece", kind: "text" },
      { header: "SKU", kind: "text" },
      { header: "Result", kind: "text" },
      { header: "Expected", kind: "count" },
      { header: "Counted", kind: "count" },
      { header: "Difference", kind: "count" },
      { header: "Belongs to", kind: "text" },
      { header: "Scanned at", kind: "text" },
      { header: "Scanned by", kind: "text" },
    ],
    rows: lines.map((l) => [
      l.tag_code,
      pieceDescription(l.product_title, l.variant_title) || null,
      l.sku,
      l.result,
      l.expected_quantity,
      l.counted_quantity,
      l.difference,
      l.belongs_to?.name ?? null,
      indiaTime(l.scanned_at),
      l.scanned_by?.name ?? null,
    ]),
  }
  await sendReportTable(res, table, ["stock-audit", audit.branch.code, indiaTime(audit.opened_at)?.slice(0, 10), audit.category?.name, audit.status], format)
}
