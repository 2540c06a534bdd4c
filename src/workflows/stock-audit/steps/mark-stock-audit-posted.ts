import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { StockAdjustment } from "../../../lib/stock-audit"
import { STOCK_AUDIT_MODULE } from "../../../modules/stock-audit"
import type StockAuditModuleService from "../../../modules/stock-audit/service"
import type { AuditRow } from "../../../modules/stock-audit/service"

/** Marks the audit posted with the adjustments made (a posted audit stays as it is); put back to closed if a later step fails. */
export const markStockAuditPostedStep = createStep(
  "mark-stock-audit-posted",
  async (input: { audit: AuditRow; already: boolean; adjustments: StockAdjustment[]; user_id: string | null }, { container }) => {
    if (input.already) {
      return new StepResponse(input.audit, null)
    }
    const posted = await container.resolve<StockAuditModuleService>(STOCK_AUDIT_MODULE).markPosted({ id: input.audit.id, user_id: input.user_id, adjustments: input.adjustments })
    return new StepResponse(posted, input.audit)
  },
  async (before, { container }) => {
    if (before) {
      await container.resolve<StockAuditModuleService>(STOCK_AUDIT_MODULE).restoreStatus(before)
    }
  }
)
