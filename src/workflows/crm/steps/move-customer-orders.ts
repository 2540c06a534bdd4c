import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

type Moved = { id: string; customer_id: string }

/** Re-points the duplicates' orders at the surviving customer; compensation points them back. */
export const moveCustomerOrdersStep = createStep(
  "move-customer-orders",
  async ({ survivor_id, merged_ids }: { survivor_id: string; merged_ids: string[] }, { container }) => {
    const orders = container.resolve(Modules.ORDER)
    const found = (await orders.listOrders({ customer_id: merged_ids }, { select: ["id", "customer_id"], take: null })) as Moved[]
    if (found.length) {
      await orders.updateOrders(found.map((o) => ({ id: o.id, customer_id: survivor_id })))
    }
    return new StepResponse(found.length, found)
  },
  async (moved, { container }) => {
    if (moved?.length) {
      await container.resolve(Modules.ORDER).updateOrders(moved.map((o) => ({ id: o.id, customer_id: o.customer_id })))
    }
  }
)
