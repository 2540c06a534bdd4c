import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STOCK_TRANSFER_MODULE } from "../../../modules/stock-transfer"
import type StockTransferModuleService from "../../../modules/stock-transfer/service"
import type { ReceiptInput } from "../../../modules/stock-transfer/service"
import { findPiecesByTag } from "../../stock/utils/find-pieces"

/** Records a tag scanned at the receiving branch (its piece looked up first); undone by putting its line back as it was. */
export const recordTransferReceiptStep = createStep(
  "record-transfer-receipt",
  async (input: Omit<ReceiptInput, "piece">, { container }) => {
    const [piece] = await findPiecesByTag(container, [input.tag_code])
    const outcome = await container.resolve<StockTransferModuleService>(STOCK_TRANSFER_MODULE).recordReceipt({ ...input, piece: piece ?? null })
    return new StepResponse(outcome, outcome.recorded ? { line_id: outcome.line.id, before: outcome.before } : null)
  },
  async (undo, { container }) => {
    if (undo) {
      await container.resolve<StockTransferModuleService>(STOCK_TRANSFER_MODULE).restoreLine(undo.line_id, undo.before)
    }
  }
)
