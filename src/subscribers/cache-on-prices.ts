import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CATALOGUE_PRICE_TAGS, clearCached, METAL_RATES_TAG } from "../lib/catalogue-cache"
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
 * dropped after each batch and once more when the job ends
 * (docs/architecture.md#caching). New rates drop the cached rates (Medusa
 * does too, on the rows' creation; this does not depend on it).
 */
export default async function cacheOnPrices({ event, container }: SubscriberArgs<{ id: string }>) {
  await clearCached(container, event.name === METAL_RATES_SET_EVENT ? [METAL_RATES_TAG] : CATALOGUE_PRICE_TAGS)
}

export const config: SubscriberConfig = {
  event: [REPRICE_JOB_UPDATED_EVENT, METAL_RATES_SET_EVENT],
}
