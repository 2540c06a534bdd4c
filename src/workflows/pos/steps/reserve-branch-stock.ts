import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DOMAIN_CONFLICT } from "../../../lib/errors"
import type { PosOrder } from "./load-pos-order"
import type { PosLine } from "../utils/quote-pos-sale"

/**
 * Reserves the sale's pieces at the branch for its order, under Medusa's
 * lock on each inventory item, so two counters selling the last piece at
 * once cannot both have it; the fulfilment that follows takes them out of
 * the branch's stock. Undone by removing the reservations.
 */
export const reserveBranchStockStep = createStep(
  "reserve-branch-stock",
  async (input: { order: PosOrder; lines: PosLine[]; location_id: string; branch_name: string }, { container }) => {
    const items = input.order.items.flatMap((item) => {
      const line = input.lines.find((l) => l.variant_id === item.variant_id)!
      return line.inventory.map((inv) => ({
        line_item_id: item.id,
        inventory_item_id: inv.inventory_item_id,
        quantity: inv.required_quantity * item.quantity,
        location_id: input.location_id,
        allow_backorder: false,
        description: `Counter sale ${line.tag_code}`,
      }))
    })
    if (!items.length) {
      return new StepResponse([] as string[], null)
    }
    const inventory = container.resolve(Modules.INVENTORY)
    const keys = [...new Set(items.map((i) => i.inventory_item_id))]
    try {
      const reservations = await container.resolve(Modules.LOCKING).execute(keys, () => inventory.createReservationItems(items))
      return new StepResponse(
        reservations.map((r) => r.id),
        { ids: reservations.map((r) => r.id), keys }
      )
    } catch (err) {
      if (MedusaError.isMedusaError(err) && /Not enough stock/.test((err as Error).message)) {
        const tags = input.lines.map((l) => l.tag_code).join(", ")
        throw new MedusaError(MedusaError.Types.CONFLICT, `Out of stock at ${input.branch_name}: ${tags} was sold at the same moment; nothing was sold`, DOMAIN_CONFLICT)
      }
      throw err
    }
  },
  async (undo, { container }) => {
    if (!undo?.ids.length) {
      return
    }
    const inventory = container.resolve(Modules.INVENTORY)
    // A fulfilment that used them has already removed them; what is left goes.
    const left = await inventory.listReservationItems({ id: undo.ids }, { select: ["id"] })
    if (left.length) {
      await container.resolve(Modules.LOCKING).execute(undo.keys, () => inventory.deleteReservationItems(left.map((r) => r.id)))
    }
  }
)
