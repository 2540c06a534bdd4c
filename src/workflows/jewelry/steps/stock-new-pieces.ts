import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type StockLine = { sku: string; location_id: string; quantity: number }

/** Puts each new piece's quantity at its branch. Compensation removes those stock levels. */
export const stockNewPiecesStep = createStep(
  "stock-new-pieces",
  async (lines: StockLine[], { container }) => {
    const inventory = container.resolve(Modules.INVENTORY)
    const items = await inventory.listInventoryItems({ sku: lines.map((l) => l.sku) }, { select: ["id", "sku"] })
    const levels = await inventory.createInventoryLevels(
      lines.map((line) => ({
        inventory_item_id: items.find((i) => i.sku === line.sku)!.id,
        location_id: line.location_id,
        stocked_quantity: line.quantity,
      }))
    )
    return new StepResponse(levels.length, levels.map((l) => l.id))
  },
  async (ids, { container }) => {
    if (ids?.length) {
      await container.resolve(Modules.INVENTORY).deleteInventoryLevels(ids)
    }
  }
)
