import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { STOCK_AUDIT_MODULE } from "../../../modules/stock-audit"
import type StockAuditModuleService from "../../../modules/stock-audit/service"
import type { AuditRow } from "../../../modules/stock-audit/service"
import type { StockAuditListResponse, StockAuditView } from "../../../types/http"
import { openStockAuditWorkflow } from "../../../workflows/stock-audit"
import { assertOwnBranch, scopedBranchIds } from "../../utils/access"
import { recordAudit } from "../../utils/audit"
import { auditViews } from "./helpers"
import type { ListStockAuditsQueryType, OpenStockAuditBodyType } from "./validators"

/**
 * POST /admin/stock-audits — opens a stock audit of a branch (or one category of it) and snapshots the stock it
 * expects there. 201 with the audit; another audit of the branch and category still open: 409 naming it.
 */
export async function POST(req: AuthenticatedMedusaRequest<OpenStockAuditBodyType>, res: MedusaResponse<{ audit: StockAuditView }>) {
  const body = req.validatedBody
  await assertOwnBranch(req, body.branch_id, `Branch "${body.branch_id}"`)
  const { result } = await openStockAuditWorkflow(req.scope).run({
    input: { branch_id: body.branch_id, category_id: body.category_id ?? null, note: body.note ?? null, user_id: req.auth_context?.actor_id ?? null },
  })
  await recordAudit(req.scope, req, {
    action: "stock_audit.opened",
    entity: "stock_audit",
    entity_id: result.id,
    branch_id: result.branch_id,
    changes: { status: { before: null, after: "open" } },
    metadata: { category_id: result.category_id, expected_tags: result.expected_tags, expected_quantity: result.expected_quantity, ...(result.note ? { note: result.note } : {}) },
  })
  const [audit] = await auditViews(req.scope, [result])
  res.status(201).json({ audit })
}

/** GET /admin/stock-audits — audits newest first, of the user's branches; `branch_id`, `status`, `limit`, `offset`. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, ListStockAuditsQueryType>, res: MedusaResponse<StockAuditListResponse>) {
  const { branch_id, status, limit, offset } = req.validatedQuery as ListStockAuditsQueryType
  const branches = await scopedBranchIds(req, branch_id)
  const stockAudit: StockAuditModuleService = req.scope.resolve(STOCK_AUDIT_MODULE)
  const [rows, count] = await stockAudit.listAndCountStockAudits(
    { ...(branches ? { branch_id: branches.length ? branches : ["none"] } : {}), ...(status ? { status } : {}) },
    { order: { opened_at: "DESC", id: "DESC" }, take: limit, skip: offset }
  )
  const audits = await auditViews(req.scope, rows as unknown as AuditRow[])
  res.json({ audits, count, limit, offset })
}
