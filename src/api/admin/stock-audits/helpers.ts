import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { StockAdjustment } from "../../../lib/stock-audit"
import { STOCK_AUDIT_MODULE } from "../../../modules/stock-audit"
import type StockAuditModuleService from "../../../modules/stock-audit/service"
import type { AuditRow, LineRow, ReportLineRow } from "../../../modules/stock-audit/service"
import type { StockAuditAdjustmentView, StockAuditBranchRef, StockAuditLineView, StockAuditView } from "../../../types/http"
import { branchDirectory, userNames, type BranchEntry as BranchRow } from "../../utils/directory"

const ref = (b: BranchRow | undefined): StockAuditBranchRef | null => (b ? { id: b.id, code: b.code, name: b.name } : null)

/** An audit as the routes answer it: its branch and category named, its figures live (open) or frozen (closed on). */
export async function auditViews(scope: MedusaContainer, audits: AuditRow[], branches?: BranchRow[]): Promise<StockAuditView[]> {
  if (!audits.length) {
    return []
  }
  const stockAudit = scope.resolve<StockAuditModuleService>(STOCK_AUDIT_MODULE)
  const directory = branches ?? (await branchDirectory(scope))
  const categoryIds = [...new Set(audits.map((a) => a.category_id).filter((id): id is string => !!id))]
  const categories = categoryIds.length ? await scope.resolve(Modules.PRODUCT).listProductCategories({ id: categoryIds }, { select: ["id", "name"], withDeleted: true }) : []
  return Promise.all(
    audits.map(async (a) => ({
      id: a.id,
      branch: ref(directory.find((b) => b.id === a.branch_id)) ?? { id: a.branch_id, code: "", name: a.branch_id },
      stock_location_id: a.stock_location_id,
      category: a.category_id ? { id: a.category_id, name: categories.find((c) => c.id === a.category_id)?.name ?? a.category_id } : null,
      status: a.status,
      note: a.note,
      opened_by: a.opened_by,
      opened_at: a.opened_at,
      closed_by: a.closed_by,
      closed_at: a.closed_at,
      posted_by: a.posted_by,
      posted_at: a.posted_at,
      cancelled_by: a.cancelled_by,
      cancelled_at: a.cancelled_at,
      summary: a.status === "open" || !a.summary ? await stockAudit.summarize(a.id) : a.summary,
    }))
  )
}

/**
 * Report lines as the routes answer them: who scanned each, and the branch a misplaced piece belongs to.
 * `branches` and `names` when the caller has them (a scan answers without reading either).
 */
export async function lineViews(
  scope: MedusaContainer,
  lines: (LineRow | ReportLineRow)[],
  { branches, names }: { branches?: BranchRow[]; names?: Map<string, string> } = {}
): Promise<StockAuditLineView[]> {
  const directory = branches ?? (await branchDirectory(scope))
  names ??= await userNames(
    scope,
    lines.map((l) => l.scanned_by)
  )
  return lines.map((l) => ({
    id: l.id,
    tag_code: l.tag_code,
    variant_id: l.variant_id,
    sku: "sku" in l ? l.sku : null,
    product_title: "product_title" in l ? l.product_title : null,
    variant_title: "variant_title" in l ? l.variant_title : null,
    expected_quantity: l.expected_quantity,
    counted_quantity: l.counted_quantity,
    difference: l.counted_quantity - l.expected_quantity,
    scan_result: l.scan_result,
    result: l.result,
    belongs_to: l.found_at_branch_id ? ref(directory.find((b) => b.id === l.found_at_branch_id)) : null,
    scanned_at: l.scanned_at,
    scanned_by: l.scanned_by ? { id: l.scanned_by, name: names.get(l.scanned_by) ?? l.scanned_by } : null,
  }))
}

/** Posted adjustments with the branch of each stock location. */
export function adjustmentViews(adjustments: StockAdjustment[], branches: BranchRow[]): StockAuditAdjustmentView[] {
  return adjustments.map((a) => ({ ...a, branch: ref(branches.find((b) => b.id === a.branch_id) ?? branches.find((b) => b.location_id === a.location_id)) }))
}
