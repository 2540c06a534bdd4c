import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { rebuildStockFacts } from "../modules/analytics/queries/stock-facts"

/**
 * Every night at 02:45 IST (21:15 UTC): the stock table written afresh from
 * the stock as it is, so whatever the change log could not see is put right
 * by morning (docs/reports.md, "The stock table").
 */
export default async function rebuildStockFactsJob(container: MedusaContainer) {
  const started = Date.now()
  const rows = await rebuildStockFacts(container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION))
  container.resolve(ContainerRegistrationKeys.LOGGER).info(`Stock table rebuilt: ${rows} stock levels in ${Date.now() - started} ms`)
}

export const config = {
  name: "rebuild-stock-facts",
  schedule: "15 21 * * *",
}
