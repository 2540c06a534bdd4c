import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { ANALYTICS_MODULE } from "../modules/analytics"
import type AnalyticsModuleService from "../modules/analytics/service"

/**
 * Where the reports read: the analytics read replica when ANALYTICS_DATABASE_URL
 * is set (docs/operations.md, "Analytics replica"), else the shop's own database.
 */
export async function reportConnection(container: MedusaContainer): Promise<Knex> {
  return (await container.resolve<AnalyticsModuleService>(ANALYTICS_MODULE).readConnection()) ?? container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
}
