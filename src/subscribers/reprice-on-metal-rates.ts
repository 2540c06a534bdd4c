import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { METAL_RATES_SET_EVENT } from "../workflows/jewelry"
import { createRepriceJob, runRepriceJob } from "../workflows/jewelry"

/** New rates → reprice every rate-based piece (in the background; progress in the job record). */
export default async function repriceOnMetalRates({ container }: SubscriberArgs<{ ids: string[] }>) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const job = await createRepriceJob(container, "rates_set")
  const finished = await runRepriceJob(container, job.id)
  logger.info(`Reprice job ${job.id}: ${finished.status}, ${finished.processed} pieces, ${finished.failed} failed`)
}

export const config: SubscriberConfig = {
  event: METAL_RATES_SET_EVENT,
}
