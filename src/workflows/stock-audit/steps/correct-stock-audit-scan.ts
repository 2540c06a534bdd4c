import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STOCK_AUDIT_MODULE } from "../../../modules/stock-audit"
import type StockAuditModuleService from "../../../modules/stock-audit/service"

export type CorrectStockAuditScanInput = {
  audit_id: string
  tag_code: string
  /** The count that replaces the scanned one; null undoes the scan. */
  quantity: number | null
}

/** Changes a scanned tag's count, or undoes its scan, while the audit is open; the line is put back as it was if a later step fails. */
export const correctStockAuditScanStep = createStep(
  "correct-stock-audit-scan",
  async (input: CorrectStockAuditScanInput, { container }) => {
    const result = await container.resolve<StockAuditModuleService>(STOCK_AUDIT_MODULE).correctScan(input)
    return new StepResponse(result, result.before)
  },
  async (before, { container }) => {
    if (before) {
      await container.resolve<StockAuditModuleService>(STOCK_AUDIT_MODULE).restoreLine(before)
    }
  }
)
