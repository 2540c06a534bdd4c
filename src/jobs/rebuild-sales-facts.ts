import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { rebuildSalesFacts } from "../workflows/analytics"

/**
 * Every night at 02:30 IST (21:00 UTC): the sales facts rebuilt from every
 * order, so whatever an event missed is put right by morning.
 */
export default async function rebuildSalesFactsJob(container: MedusaContainer) {
  const started = Date.now()
  const done = await rebuildSalesFacts(container)
  container
    .resolve(ContainerRegistrationKeys.LOGGER)
    .info(`Sales facts rebuilt: ${done.orders_done} orders, ${done.facts_written} facts in ${Date.now() - started} ms${done.resumed ? " (resumed)" : ""}`)
}

export const config = {
  name: "rebuild-sales-facts",
  schedule: "0 21 * * *",
}
