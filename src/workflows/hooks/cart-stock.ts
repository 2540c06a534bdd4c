import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"

export type StockedCart = { sales_channel_id?: string | null; items?: { variant_id?: string | null; quantity: number | string; title?: string | null }[] | null }

type VariantStock = { id: string; manage_inventory: boolean; allow_backorder: boolean; inventory_items?: { inventory_item_id: string; required_quantity: number }[] }

/**
 * Each piece on the cart still in stock at a location of its sales channel, read now: a piece sold at the counter
 * since it went into the cart stops the completion here, with a clear message, before the points on the cart are
 * taken or an order is written. Medusa's own reservation, later in the completion, still decides under its lock;
 * this spares the common case its undoing (which can stall when the failure lands inside Medusa's parallel steps).
 */
export async function checkCartStock(container: MedusaContainer, cart: StockedCart): Promise<void> {
  const items = (cart.items ?? []).filter((i): i is { variant_id: string; quantity: number | string; title?: string | null } => !!i.variant_id)
  if (!items.length || !cart.sales_channel_id) {
    return
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: variants }, { data: channels }] = await Promise.all([
    query.graph({
      entity: "product_variant",
      fields: ["id", "manage_inventory", "allow_backorder", "inventory_items.inventory_item_id", "inventory_items.required_quantity"],
      filters: { id: [...new Set(items.map((i) => i.variant_id))] },
    }),
    query.graph({ entity: "sales_channel", fields: ["stock_locations.id"], filters: { id: cart.sales_channel_id } }),
  ])
  const locations = ((channels[0] as { stock_locations?: { id: string }[] } | undefined)?.stock_locations ?? []).map((l) => l.id)
  const managed = (variants as unknown as VariantStock[]).filter((v) => v.manage_inventory && !v.allow_backorder && v.inventory_items?.length)
  if (!managed.length || !locations.length) {
    return
  }
  const levels = await container.resolve(Modules.INVENTORY).listInventoryLevels(
    { inventory_item_id: managed.flatMap((v) => v.inventory_items!.map((i) => i.inventory_item_id)), location_id: locations },
    { select: ["inventory_item_id", "location_id", "stocked_quantity", "reserved_quantity"] }
  )
  const available = (itemId: string, locationId: string) => {
    const level = levels.find((l) => l.inventory_item_id === itemId && l.location_id === locationId)
    return level ? Number(level.stocked_quantity) - Number(level.reserved_quantity) : 0
  }
  const short = items.filter((item) => {
    const variant = managed.find((v) => v.id === item.variant_id)
    if (!variant) {
      return false
    }
    // Medusa reserves a line's stock at one location: one of the channel's must hold all of it.
    return !locations.some((loc) => variant.inventory_items!.every((inv) => available(inv.inventory_item_id, loc) >= inv.required_quantity * Number(item.quantity)))
  })
  if (short.length) {
    const names = short.map((i) => i.title || i.variant_id).join(", ")
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `${names} ${short.length === 1 ? "is" : "are"} no longer in stock; remove ${short.length === 1 ? "it" : "them"} from the cart to continue`)
  }
}
