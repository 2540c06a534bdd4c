/**
 * `npm run analytics:rebuild`: rebuilds the sales facts from every order
 * (docs/reports.md), printing its progress, and resumes one that stopped;
 * then writes the stock table afresh from the stock.
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { rebuildStockFacts } from "../modules/analytics/queries/stock-facts"
import { rebuildSalesFacts } from "../workflows/analytics"

export default async function rebuild({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const started = Date.now()
  const done = await rebuildSalesFacts(container, {
    onProgress: (p) => logger.info(`sales facts: ${p.orders_done} / ${p.orders_total} orders, ${p.facts_written} facts`),
  })
  logger.info(`sales facts rebuilt${done.resumed ? " (resumed)" : ""}: ${done.orders_done} orders, ${done.facts_written} facts in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  const stockStarted = Date.now()
  const levels = await rebuildStockFacts(container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION))
  logger.info(`stock table rebuilt: ${levels} stock levels in ${((Date.now() - stockStarted) / 1000).toFixed(1)} s`)
}
