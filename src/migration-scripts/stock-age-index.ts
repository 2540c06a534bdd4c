import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/**
 * An index on when each live stock level came in, for the stock report's dead-stock page (oldest first, a page
 * at a time). Without it every request read and sorted all of the old stock for one page: 50 000 levels sorted
 * on disk for a page of 50 in the bench (docs/benchmarks.md, "Reports"). A migration script, not a module
 * migration: the table is Medusa's inventory module's, and scripts run once every module's tables exist.
 */
export default async function stockAgeIndex({ container }: { container: MedusaContainer }) {
  const db = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  await db.raw(
    `create index if not exists "IDX_inventory_level_in_stock_since" on inventory_level (created_at) where deleted_at is null and stocked_quantity > 0`
  )
}
