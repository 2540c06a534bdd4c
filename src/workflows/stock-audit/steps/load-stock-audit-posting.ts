import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DOMAIN_CONFLICT } from "../../../lib/errors"
import { statusProblem } from "../../../lib/stock-audit"
import { STOCK_AUDIT_MODULE } from "../../../modules/stock-audit"
import type StockAuditModuleService from "../../../modules/stock-audit/service"
import type { StockAuditPosting } from "../utils/posting"

/**
 * The audit to post and the lines that change stock (missing, extra, misplaced). A posted audit is posted
 * already (posting again changes nothing); one that is not closed is refused with why.
 */
export const loadStockAuditPostingStep = createStep("load-stock-audit-posting", async (input: { id: string }, { container }) => {
  const stockAudit = container.resolve<StockAuditModuleService>(STOCK_AUDIT_MODULE)
  const audit = await stockAudit.auditById(input.id)
  const problem = statusProblem(audit.status, "post")
  if (problem) {
    throw new MedusaError(MedusaError.Types.CONFLICT, problem, DOMAIN_CONFLICT)
  }
  const already = audit.status === "posted"
  const posting: StockAuditPosting = { audit, already, lines: already ? [] : await stockAudit.linesToPost(audit.id) }
  return new StepResponse(posting)
})
