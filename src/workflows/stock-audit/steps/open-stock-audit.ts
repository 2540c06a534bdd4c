import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STOCK_AUDIT_MODULE } from "../../../modules/stock-audit"
import type StockAuditModuleService from "../../../modules/stock-audit/service"
import type { OpenAuditInput } from "../../../modules/stock-audit/service"

/** Opens the audit with its snapshot of the expected stock (one open audit per branch and category); withdrawn, lines and all, if a later step fails. */
export const openStockAuditStep = createStep(
  "open-stock-audit",
  async (input: OpenAuditInput, { container }) => {
    const audit = await container.resolve<StockAuditModuleService>(STOCK_AUDIT_MODULE).openAudit(input)
    return new StepResponse(audit, audit.id)
  },
  async (auditId, { container }) => {
    if (auditId) {
      await container.resolve<StockAuditModuleService>(STOCK_AUDIT_MODULE).discardAudit(auditId)
    }
  }
)
