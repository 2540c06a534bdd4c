import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CATALOGUE_PRICE_TAGS, clearCached, METAL_RATES_TAG } from "../lib/catalogue-cache"
import { JEWELRY_MODULE } from "../modules/jewelry"
import type JewelryModuleService from "../modules/jewelry/service"
import { METAL_RATES_SET_EVENT } from "../workflows/jewelry"

/**
 * Emitted by the jewelry module whenever a reprice job's record changes: when
 * it starts, after each batch has committed its prices and breakdowns, and
 * when it ends (succeeded or failed, after compensation put a failed batch's
 * prices back).
 */
export const REPRICE_JOB_UPDATED_EVENT = "jewelry.reprice-job.updated"

/**
 * Repricing writes prices and breakdowns in set-based SQL, which Medusa's
 * Caching Module does not see, so every cached read showing a price is
 * dropped once the job has ended — once a job, not once a batch, so a
 * catalogue-wide reprice does not empty the storefront's cache fifty times
 * over (docs/architecture.md#caching). New rates drop the cached rates
 * (Medusa does too, on the rows' creation; this does not depend on it).
 */
export default async function cacheOnPrices({ event, container }: SubscriberArgs<{ id: string }>) {
  if (event.name === METAL_RATES_SET_EVENT) {
    await clearCached(container, [METAL_RATES_TAG])
    return
  }
  const [job] = await container.resolve<JewelryModuleService>(JEWELRY_MODULE).listRepriceJobs({ id: event.data.id }, { select: ["status"] })
  if (!job || job.status === "succeeded" || job.status === "failed") {
    await clearCached(container, CATALOGUE_PRICE_TAGS)
  }
}

export const config: SubscriberConfig = {
  event: [REPRICE_JOB_UPDATED_EVENT, METAL_RATES_SET_EVENT],
}
