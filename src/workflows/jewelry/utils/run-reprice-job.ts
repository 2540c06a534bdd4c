/**
 * Drives a reprice job: one `reprice-batch` workflow run per batch
 * until no rate-based piece is left after the cursor. Runs are serialised by
 * a lock, so two triggers never write prices at the same time.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { repriceBatchWorkflow } from "../workflows/reprice-batch"
import { catalogueStateCode } from "./catalogue-state"
import { JEWELRY_MODULE } from "../../../modules/jewelry"
import type JewelryModuleService from "../../../modules/jewelry/service"
import { CATALOGUE_PRICE_TAGS, clearCached } from "../../../lib/catalogue-cache"

// 2 000: faster than 500 and than 5 000 on 100 000 pieces (docs/benchmarks.md, "Repricing batches").
export const REPRICE_BATCH_SIZE = Number(process.env.REPRICE_BATCH_SIZE || 2000)
const LOCK_KEY = "jewelry-reprice"

type Trigger = "rates_set" | "daily" | "manual" | "seed"

/**
 * Records a new job, counting the rate-based pieces it will reprice: the
 * whole catalogue, or only the given attributes records.
 */
export async function createRepriceJob(container: MedusaContainer, trigger: Trigger, onlyIds?: string[]) {
  const jewelry: JewelryModuleService = container.resolve(JEWELRY_MODULE)
  const [, total] = await jewelry.listAndCountJewelryAttributes(
    { pricing_mode: "rate_based", ...(onlyIds ? { id: onlyIds } : {}) },
    { take: 1, select: ["id"] }
  )
  return jewelry.createRepriceJobs({ trigger, total, status: "pending", scope: onlyIds ? { ids: onlyIds } : null })
}

/** Runs (or resumes) a job to the end; returns the job as it finished. */
export async function runRepriceJob(
  container: MedusaContainer,
  jobId: string,
  batchSize = REPRICE_BATCH_SIZE,
  onProgress?: (processed: number, total: number) => void
) {
  const jewelry: JewelryModuleService = container.resolve(JEWELRY_MODULE)
  const locking = container.resolve(Modules.LOCKING)
  return locking.execute(
    LOCK_KEY,
    async () => {
      const job = await jewelry.retrieveRepriceJob(jobId)
      if (job.status === "succeeded") {
        return job
      }
      const now = new Date()
      await jewelry.updateRepriceJobs({ id: job.id, status: "running", started_at: job.started_at ?? now, heartbeat_at: now, error: null })
      const stateCode = await catalogueStateCode(container)
      let cursor = job.cursor
      let processed = job.processed
      let finished
      try {
        for (;;) {
          const { result } = await repriceBatchWorkflow(container).run({
            input: {
              job_id: job.id,
              after: cursor,
              limit: batchSize,
              state_code: stateCode,
              only_ids: (job.scope as { ids?: string[] } | null)?.ids ?? null,
            },
          })
          cursor = result.last_id ?? cursor
          processed += result.count
          onProgress?.(processed, job.total)
          if (result.count < batchSize) {
            break
          }
        }
        const done = await jewelry.retrieveRepriceJob(job.id)
        finished = await jewelry.updateRepriceJobs({
          id: job.id,
          status: "succeeded",
          finished_at: new Date(),
          // Pieces added while the job ran are counted as they are priced.
          total: Math.max(done.total, done.processed),
        })
      } catch (e) {
        // The cursor stays where the last committed batch left it: resumable.
        finished = await jewelry.updateRepriceJobs({ id: job.id, status: "failed", error: (e as Error).message.slice(0, 500), finished_at: new Date() })
      }
      // Succeeded or failed (batches committed before a failure changed prices too), the cached catalogue goes at
      // once, here, as well as by the cache subscriber on the job's update event: that event is an internal one,
      // queued at the lowest priority, and behind a busy worker's backlog of orders the servers went on listing the
      // old prices after the job had ended (docs/deployment.md, "The cluster test").
      await clearCached(container, CATALOGUE_PRICE_TAGS)
      return finished
    },
    { timeout: 3600 }
  )
}

/** Jobs left unfinished by a stopped process: pending, or running without a heartbeat for `staleMs`. */
export async function findStalledRepriceJobs(container: MedusaContainer, staleMs = 5 * 60 * 1000) {
  const jewelry: JewelryModuleService = container.resolve(JEWELRY_MODULE)
  const before = new Date(Date.now() - staleMs)
  const pending = await jewelry.listRepriceJobs({ status: "pending", created_at: { $lt: before } })
  const running = await jewelry.listRepriceJobs({ status: "running", heartbeat_at: { $lt: before } })
  return [...pending, ...running]
}
