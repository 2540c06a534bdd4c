import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STOCK_TRANSFER_MODULE } from "../../../modules/stock-transfer"
import type StockTransferModuleService from "../../../modules/stock-transfer/service"

/** Closes a receipt (what has not arrived is short) or cancels a transfer; undone by putting it back in transit. */
export const finishStockTransferStep = createStep(
  "finish-stock-transfer",
  async (input: { id: string; action: "close" | "cancel"; user_id: string | null }, { container }) => {
    const finished = await container.resolve<StockTransferModuleService>(STOCK_TRANSFER_MODULE).finish(input)
    return new StepResponse(finished, finished.before)
  },
  async (before, { container }) => {
    if (before) {
      await container.resolve<StockTransferModuleService>(STOCK_TRANSFER_MODULE).reopen(before)
    }
  }
)
