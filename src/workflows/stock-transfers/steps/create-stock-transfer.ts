import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STOCK_TRANSFER_MODULE } from "../../../modules/stock-transfer"
import type StockTransferModuleService from "../../../modules/stock-transfer/service"
import type { CreateTransferInput } from "../../../modules/stock-transfer/service"

/** Writes the transfer note in transit, numbered; withdrawn, lines and all, if a later step fails (its number is taken back with it). */
export const createStockTransferStep = createStep(
  "create-stock-transfer",
  async (input: CreateTransferInput, { container }) => {
    const transfer = await container.resolve<StockTransferModuleService>(STOCK_TRANSFER_MODULE).createTransfer(input)
    return new StepResponse(transfer, transfer.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<StockTransferModuleService>(STOCK_TRANSFER_MODULE).discardTransfer(id)
    }
  }
)
