import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STOCK_AUDIT_MODULE } from "../../../modules/stock-audit"
import type StockAuditModuleService from "../../../modules/stock-audit/service"

export type MoveStockAuditInput = { id: string; action: "close" | "cancel"; user_id: string | null }

/**
 * Closes an open audit (its report's figures frozen: what was not counted is missing) or cancels an open or
 * closed one; any other move is refused with why (409). Moved back if a later step fails.
 */
export const moveStockAuditStep = createStep(
  "move-stock-audit",
  async (input: MoveStockAuditInput, { container }) => {
    const { before, after } = await container.resolve<StockAuditModuleService>(STOCK_AUDIT_MODULE).transition(input)
    return new StepResponse(after, before)
  },
  async (before, { container }) => {
    if (before) {
      await container.resolve<StockAuditModuleService>(STOCK_AUDIT_MODULE).restoreStatus(before)
    }
  }
)
