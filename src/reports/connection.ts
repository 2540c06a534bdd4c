import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { ANALYTICS_MODULE } from "../modules/analytics"
import { refreshStockFacts } from "../modules/analytics/queries/stock-facts"
import type AnalyticsModuleService from "../modules/analytics/service"

/**
 * Where the reports read: the analytics read replica when ANALYTICS_DATABASE_URL
 * is set (docs/operations.md, "Analytics replica"), else the shop's own database.
 */
export async function reportConnection(container: MedusaContainer): Promise<Knex> {
  return (await container.resolve<AnalyticsModuleService>(ANALYTICS_MODULE).readConnection()) ?? container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
}

/**
 * Where the stock reports read, once the stock table is up to date: the
 * changes logged since the last report are written on the shop's own
 * database (a replica shows them once it has replayed them).
 */
export async function stockReportConnection(container: MedusaContainer): Promise<Knex> {
  await refreshStockFacts(container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION))
  return reportConnection(container)
}
