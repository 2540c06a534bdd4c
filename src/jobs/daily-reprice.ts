import type { MedusaContainer } from "@medusajs/framework/types"
import { createRepriceJob, runRepriceJob } from "../workflows/jewelry"

/**
 * Every day at 00:05 IST (18:35 UTC): reprice the catalogue, so that rates
 * published with a future effective time take effect in the prices.
 */
export default async function dailyReprice(container: MedusaContainer) {
  const job = await createRepriceJob(container, "daily")
  await runRepriceJob(container, job.id)
}

export const config = {
  name: "daily-reprice",
  schedule: "35 18 * * *",
}
