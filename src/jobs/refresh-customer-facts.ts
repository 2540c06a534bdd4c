import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { refreshAllFacts } from "../workflows/offers"

/** Every night at 02:00 IST (20:30 UTC): every customer's segment facts and RFM scores rewritten. */
export default async function refreshCustomerFactsJob(container: MedusaContainer) {
  const { rows, took_ms } = await refreshAllFacts(container)
  container.resolve(ContainerRegistrationKeys.LOGGER).info(`Customer facts refreshed: ${rows} customers in ${took_ms} ms`)
}

export const config = {
  name: "refresh-customer-facts",
  schedule: "30 20 * * *",
}
