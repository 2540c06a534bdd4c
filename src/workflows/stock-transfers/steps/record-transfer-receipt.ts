import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STOCK_TRANSFER_MODULE } from "../../../modules/stock-transfer"
import type StockTransferModuleService from "../../../modules/stock-transfer/service"
import type { ReceiptInput } from "../../../modules/stock-transfer/service"

/** Records a tag scanned at the receiving branch; undone by putting its line back as it was. */
export const recordTransferReceiptStep = createStep(
  "record-transfer-receipt",
  async (input: ReceiptInput, { container }) => {
    const outcome = await container.resolve<StockTransferModuleService>(STOCK_TRANSFER_MODULE).recordReceipt(input)
    return new StepResponse(outcome, outcome.recorded ? { line_id: outcome.line.id, before: outcome.before } : null)
  },
  async (undo, { container }) => {
    if (undo) {
      await container.resolve<StockTransferModuleService>(STOCK_TRANSFER_MODULE).restoreLine(undo.line_id, undo.before)
    }
  }
)
