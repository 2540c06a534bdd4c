import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { CUSTOMER_PAGE_ZONE, withCustomer360First } from "../lib/admin-layout"

/**
 * Opens Medusa's customer page with the Customer 360 (what staff look at first), as the shop-wide default
 * layout. Runs once, at `medusa db:migrate`; a default the shop saved itself is kept, with the 360 added
 * in front only if the shop's layout does not place it yet.
 */
export default async function customer360First({ container }: { container: MedusaContainer }) {
  const settings = container.resolve(Modules.SETTINGS)
  const current = await settings.getSystemDefaultLayoutConfiguration(CUSTOMER_PAGE_ZONE)
  const widgets = withCustomer360First(current?.configuration?.widgets)
  if (widgets) {
    await settings.setSystemDefaultLayoutConfiguration(CUSTOMER_PAGE_ZONE, { ...(current?.configuration ?? {}), widgets })
  }
}
