import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DOMAIN_CONFLICT } from "../../../lib/errors"
import { freeStockProblems } from "../../../lib/stock-moves"

/** Pieces of one tag into (positive) or out of (negative) a stock location. */
export type StockMove = { tag_code: string; inventory_item_id: string; location_id: string; quantity: number }

/** A move as made: the stocked quantity before and after, for the audit trail and for undoing it. */
export type StockMoveMade = StockMove & { from: number; to: number; created_level_id: string | null }

/**
 * `leaving` says, for moves out of a branch, which branch that is and what heads the 409 when pieces are not free
 * there ("Not sent", "Not given on approval"); moves only into stock need none.
 */
export type MoveBranchStockInput = { moves: StockMove[]; leaving?: { branch_name: string; refusal: string } }

/**
 * Moves pieces into or out of branches' stock (a transfer, an approval memo) in Medusa's inventory under Medusa's
 * lock on each inventory item (the lock sales and reservations take): pieces leave a location only if that many
 * are free there (stocked less reserved), else nothing moves and the refusal names each piece (409); a location
 * without a level for the piece gets one. Undone by the opposite moves and removing the levels it created.
 */
export const moveBranchStockStep = createStep(
  "move-branch-stock",
  async (input: MoveBranchStockInput, { container }) => {
    const moves = input.moves.filter((m) => m.quantity !== 0)
    if (!moves.length) {
      return new StepResponse([] as StockMoveMade[], [] as StockMoveMade[])
    }
    const inventory = container.resolve(Modules.INVENTORY)
    const keys = [...new Set(moves.map((m) => m.inventory_item_id))].sort()
    const made = await container.resolve(Modules.LOCKING).execute(keys, async () => {
      const levels = await inventory.listInventoryLevels(
        { inventory_item_id: keys, location_id: [...new Set(moves.map((m) => m.location_id))] },
        { select: ["id", "inventory_item_id", "location_id", "stocked_quantity", "reserved_quantity"] }
      )
      const at = (m: StockMove) => levels.find((l) => l.inventory_item_id === m.inventory_item_id && l.location_id === m.location_id)
      const out = moves.filter((m) => m.quantity < 0)
      if (out.length && !input.leaving) {
        throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "Pieces leaving a branch's stock need the branch named (leaving)")
      }
      const problems = freeStockProblems(
        out.map((m) => ({ tag_code: m.tag_code, quantity: -m.quantity, stocked: Number(at(m)?.stocked_quantity ?? 0), reserved: Number(at(m)?.reserved_quantity ?? 0) })),
        input.leaving?.branch_name ?? ""
      )
      if (problems.length) {
        throw new MedusaError(MedusaError.Types.CONFLICT, `${input.leaving!.refusal}: ${problems.join("; ")}`, DOMAIN_CONFLICT)
      }
      const missing = moves.filter((m) => !at(m))
      const created = missing.length
        ? await inventory.createInventoryLevels(missing.map((m) => ({ inventory_item_id: m.inventory_item_id, location_id: m.location_id, stocked_quantity: m.quantity })))
        : []
      const existing = moves.filter((m) => at(m))
      if (existing.length) {
        await inventory.adjustInventory(existing.map((m) => ({ inventoryItemId: m.inventory_item_id, locationId: m.location_id, adjustment: m.quantity })))
      }
      return moves.map((m): StockMoveMade => {
        const level = at(m)
        const before = Number(level?.stocked_quantity ?? 0)
        const createdLevel = level ? null : created.find((c) => c.inventory_item_id === m.inventory_item_id && c.location_id === m.location_id)
        return { ...m, from: before, to: before + m.quantity, created_level_id: createdLevel?.id ?? null }
      })
    })
    return new StepResponse(made, made)
  },
  async (made, { container }) => {
    if (!made?.length) {
      return
    }
    const inventory = container.resolve(Modules.INVENTORY)
    await container.resolve(Modules.LOCKING).execute([...new Set(made.map((m) => m.inventory_item_id))].sort(), async () => {
      const created = made.filter((m) => m.created_level_id).map((m) => m.created_level_id!)
      if (created.length) {
        await inventory.deleteInventoryLevels(created)
      }
      const adjusted = made.filter((m) => !m.created_level_id)
      if (adjusted.length) {
        await inventory.adjustInventory(adjusted.map((m) => ({ inventoryItemId: m.inventory_item_id, locationId: m.location_id, adjustment: -m.quantity })))
      }
    })
  }
)
