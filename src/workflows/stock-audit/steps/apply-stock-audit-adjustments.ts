import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { stockAdjustments, type StockAdjustment } from "../../../lib/stock-audit"
import type { StockAuditPosting } from "../utils/posting"

type Applied = { adjustments: StockAdjustment[]; created_level_ids: string[]; created: string[]; keys: string[] }

/**
 * Posts the audit's report to Medusa's inventory: under Medusa's lock on each inventory item (the lock sales
 * and reservations take), reads the stock levels now, works out the adjustments (src/lib/stock-audit.ts,
 * stockAdjustments) and makes them — a level this audit's location or a misplaced piece's location lacks is
 * created. Undone by the opposite adjustments and removing the levels it created. A posted audit changes
 * nothing and answers the adjustments it made then.
 */
export const applyStockAuditAdjustmentsStep = createStep(
  "apply-stock-audit-adjustments",
  async (posting: StockAuditPosting, { container }) => {
    if (posting.already) {
      return new StepResponse(posting.audit.adjustments ?? [], null)
    }
    const lines = posting.lines.filter((l) => l.inventory_item_id)
    if (!lines.length) {
      return new StepResponse([] as StockAdjustment[], null)
    }
    const inventory = container.resolve(Modules.INVENTORY)
    const keys = [...new Set(lines.map((l) => l.inventory_item_id!))].sort()
    const applied = await container.resolve(Modules.LOCKING).execute(keys, async (): Promise<Applied> => {
      const levels = await inventory.listInventoryLevels({ inventory_item_id: keys }, { select: ["id", "inventory_item_id", "location_id", "stocked_quantity"] })
      const stocked = new Map(levels.map((l) => [`${l.inventory_item_id}:${l.location_id}`, Number(l.stocked_quantity)]))
      const adjustments = stockAdjustments(lines, { branch_id: posting.audit.branch_id, location_id: posting.audit.stock_location_id }, stocked)
      const missingLevel = (a: StockAdjustment) => !stocked.has(`${a.inventory_item_id}:${a.location_id}`)
      const created = adjustments.filter(missingLevel)
      const createdLevels = created.length
        ? await inventory.createInventoryLevels(created.map((a) => ({ inventory_item_id: a.inventory_item_id, location_id: a.location_id, stocked_quantity: a.to })))
        : []
      const changed = adjustments.filter((a) => !missingLevel(a))
      if (changed.length) {
        await inventory.adjustInventory(changed.map((a) => ({ inventoryItemId: a.inventory_item_id, locationId: a.location_id, adjustment: a.to - a.from })))
      }
      return { adjustments, created_level_ids: createdLevels.map((l) => l.id), created: created.map((a) => `${a.inventory_item_id}:${a.location_id}`), keys }
    })
    return new StepResponse(applied.adjustments, applied)
  },
  async (applied, { container }) => {
    if (!applied) {
      return
    }
    const inventory = container.resolve(Modules.INVENTORY)
    await container.resolve(Modules.LOCKING).execute(applied.keys, async () => {
      if (applied.created_level_ids.length) {
        await inventory.deleteInventoryLevels(applied.created_level_ids)
      }
      const created = new Set(applied.created)
      const changed = applied.adjustments.filter((a) => !created.has(`${a.inventory_item_id}:${a.location_id}`))
      if (changed.length) {
        await inventory.adjustInventory(changed.map((a) => ({ inventoryItemId: a.inventory_item_id, locationId: a.location_id, adjustment: a.from - a.to })))
      }
    })
  }
)
