/**
 * `npm run analytics:rebuild`: rebuilds the sales facts from every order
 * (docs/reports.md), printing its progress; resumes one that stopped.
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { rebuildSalesFacts } from "../workflows/analytics"

export default async function rebuild({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const started = Date.now()
  const done = await rebuildSalesFacts(container, {
    onProgress: (p) => logger.info(`sales facts: ${p.orders_done} / ${p.orders_total} orders, ${p.facts_written} facts`),
  })
  logger.info(`sales facts rebuilt${done.resumed ? " (resumed)" : ""}: ${done.orders_done} orders, ${done.facts_written} facts in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}
