import { ChangeActionType, ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { PosOrder } from "./load-pos-order"
import type { PosLine } from "../utils/quote-pos-sale"

export type HandOverInput = {
  order: PosOrder
  lines: PosLine[]
  location_id: string
  shipping_option: { id: string; provider_id: string }
  address: Record<string, string>
  user_id: string | null
}

/** The fulfilment's items as Medusa makes them: one an inventory item of each line (a kit's parts apart), else one for the line. */
function fulfilmentItems(order: PosOrder, lines: PosLine[]) {
  return order.items.flatMap((item) => {
    const line = lines.find((l) => l.variant_id === item.variant_id)!
    const base = { line_item_id: item.id, title: line.title, sku: line.line_item.variant_sku ?? "", barcode: line.line_item.variant_barcode ?? "" }
    return line.inventory.length
      ? line.inventory.map((inv) => ({ ...base, inventory_item_id: inv.inventory_item_id, quantity: inv.required_quantity * item.quantity }))
      : [{ ...base, quantity: item.quantity }]
  })
}

/**
 * The pieces handed over at the counter, recorded the way Medusa records a
 * fulfilment that was packed and delivered: a fulfilment from the branch's
 * location through its counter pickup option (provider called as usual),
 * linked to the order, and the order's items fulfilled and delivered in one
 * order change. The stock left the branch in take-branch-stock. Undone by
 * unlinking, cancelling and deleting the fulfilment (the order it changed
 * is deleted by the order's own undo).
 */
export const handOverPosOrderStep = createStep(
  "hand-over-pos-order",
  async (input: HandOverInput, { container }) => {
    const fulfillments = container.resolve(Modules.FULFILLMENT)
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    const now = new Date()
    const fulfillment = await fulfillments.createFulfillment({
      location_id: input.location_id,
      provider_id: input.shipping_option.provider_id,
      shipping_option_id: input.shipping_option.id,
      delivery_address: input.address,
      items: fulfilmentItems(input.order, input.lines),
      labels: [],
      order: { id: input.order.id, display_id: input.order.display_id },
      packed_at: now,
      delivered_at: now,
      requires_shipping: true,
      ...(input.user_id ? { created_by: input.user_id } : {}),
    })
    const links = [{ [Modules.ORDER]: { order_id: input.order.id }, [Modules.FULFILLMENT]: { fulfillment_id: fulfillment.id } }]
    await link.create(links)
    const orders = container.resolve(Modules.ORDER)
    const action = (type: ChangeActionType) =>
      input.order.items.map((item) => ({ action: type, reference: Modules.FULFILLMENT, reference_id: fulfillment.id, details: { reference_id: item.id, quantity: item.quantity } }))
    const change = await orders.createOrderChange({
      order_id: input.order.id,
      ...(input.user_id ? { created_by: input.user_id } : {}),
      actions: [...action(ChangeActionType.FULFILL_ITEM), ...action(ChangeActionType.DELIVER_ITEM)],
    })
    await orders.confirmOrderChange(change.id)
    return new StepResponse({ id: fulfillment.id }, { id: fulfillment.id, links })
  },
  async (done, { container }) => {
    if (!done) {
      return
    }
    await container.resolve(ContainerRegistrationKeys.LINK).dismiss(done.links)
    const fulfillments = container.resolve(Modules.FULFILLMENT)
    // Medusa cancels only what was not delivered, and deletes only what was cancelled.
    await fulfillments.updateFulfillment(done.id, { delivered_at: null })
    await fulfillments.cancelFulfillment(done.id)
    await fulfillments.deleteFulfillment(done.id)
  }
)
