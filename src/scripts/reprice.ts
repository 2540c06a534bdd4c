/**
 * `npm run reprice`: reprices every rate-based piece now with today's rates,
 * printing progress, and exits non-zero when the job fails.
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createRepriceJob, runRepriceJob } from "../workflows/jewelry"

export default async function reprice({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const job = await createRepriceJob(container, "manual")
  logger.info(`reprice job ${job.id}: ${job.total} rate-based pieces`)
  const started = Date.now()
  const done = await runRepriceJob(container, job.id, undefined, (processed, total) =>
    logger.info(`reprice: ${processed} / ${total}`)
  )
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  if (done.status !== "succeeded") {
    logger.error(`reprice job ${job.id} ${done.status} after ${seconds} s: ${done.error ?? ""}`)
    process.exitCode = 1
    return
  }
  logger.info(`reprice job ${job.id}: ${done.processed} priced, ${done.failed} failed in ${seconds} s`)
}
