import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DOMAIN_CONFLICT } from "../../../lib/errors"
import type { PosLine } from "../utils/quote-pos-sale"

/**
 * How long a sale waits for another counter's sale of the same item to
 * finish taking it: a coin or a silver article sold by count is one
 * inventory item for every counter, and on a busy day the default five
 * seconds would turn a sale in a queue into a "try again".
 */
const STOCK_LOCK_WAIT_SECONDS = 30

type Adjustment = { inventoryItemId: string; locationId: string; adjustment: number }

/** What the sale takes out of the branch's stock, one entry an inventory item (a piece's kit counted in). */
function stockTaken(lines: PosLine[], locationId: string): Adjustment[] {
  const taken = new Map<string, number>()
  for (const line of lines) {
    for (const inv of line.inventory) {
      taken.set(inv.inventory_item_id, (taken.get(inv.inventory_item_id) ?? 0) + inv.required_quantity * line.quantity)
    }
  }
  return [...taken].map(([inventoryItemId, quantity]) => ({ inventoryItemId, locationId, adjustment: -quantity }))
}

/**
 * Takes the sale's pieces out of the branch's stock, under Medusa's lock on
 * each inventory item (the lock its cart completion and reservations take),
 * after checking each is still available there: two counters selling the
 * last piece at once cannot both have it. The piece leaves the shop with
 * the customer, so there is no reservation to hold and release — the
 * hand-over's fulfilment records the stock already taken. Undone by putting
 * the stock back.
 */
export const takeBranchStockStep = createStep(
  "take-branch-stock",
  async (input: { lines: PosLine[]; location_id: string; branch_name: string }, { container }) => {
    const adjustments = stockTaken(input.lines, input.location_id)
    if (!adjustments.length) {
      return new StepResponse(adjustments, null)
    }
    const inventory = container.resolve(Modules.INVENTORY)
    const keys = adjustments.map((a) => a.inventoryItemId)
    await container.resolve(Modules.LOCKING).execute(
      keys,
      async () => {
      const levels = await inventory.listInventoryLevels({ inventory_item_id: keys, location_id: input.location_id }, { select: ["inventory_item_id", "stocked_quantity", "reserved_quantity"] })
      const short = adjustments.filter((a) => {
        const level = levels.find((l) => l.inventory_item_id === a.inventoryItemId)
        return !level || Number(level.stocked_quantity) - Number(level.reserved_quantity) < -a.adjustment
      })
      if (short.length) {
        const tags = input.lines.map((l) => l.tag_code).join(", ")
        throw new MedusaError(MedusaError.Types.CONFLICT, `Out of stock at ${input.branch_name}: ${tags} was sold at the same moment; nothing was sold`, DOMAIN_CONFLICT)
      }
      await inventory.adjustInventory(adjustments)
      },
      { timeout: STOCK_LOCK_WAIT_SECONDS }
    )
    return new StepResponse(adjustments, { adjustments, keys })
  },
  async (taken, { container }) => {
    if (!taken) {
      return
    }
    const inventory = container.resolve(Modules.INVENTORY)
    await container.resolve(Modules.LOCKING).execute(
      taken.keys,
      () => inventory.adjustInventory(taken.adjustments.map((a) => ({ ...a, adjustment: -a.adjustment }))),
      { timeout: STOCK_LOCK_WAIT_SECONDS }
    )
  }
)
