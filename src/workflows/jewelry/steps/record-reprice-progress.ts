import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { JEWELRY_MODULE } from "../../../modules/jewelry"
import type JewelryModuleService from "../../../modules/jewelry/service"
import type { RepriceBatch, RepriceFailure } from "./compute-reprice-batch"

export type RecordRepriceProgressInput = {
  job_id: string
  batch: RepriceBatch
}

const MAX_FAILURES_KEPT = 50

/**
 * Stores each piece's breakdown next to its attributes and moves the job's
 * cursor past the batch; answers with the cursor. Compensation moves it back.
 */
export const recordRepriceProgressStep = createStep(
  "record-reprice-progress",
  async ({ job_id, batch }: RecordRepriceProgressInput, { container }) => {
    const jewelry: JewelryModuleService = container.resolve(JEWELRY_MODULE)
    const now = new Date()
    if (batch.priced.length) {
      await jewelry.storeBreakdowns(batch.breakdowns, now)
    }
    const job = await jewelry.retrieveRepriceJob(job_id)
    const kept = ((job.failures as { items?: RepriceFailure[] } | null)?.items ?? []) as RepriceFailure[]
    const failures = { items: [...kept, ...batch.failures].slice(0, MAX_FAILURES_KEPT) }
    await jewelry.updateRepriceJobs({
      id: job.id,
      cursor: batch.last_id ?? job.cursor,
      processed: job.processed + batch.count,
      failed: job.failed + batch.failures.length,
      failures,
      heartbeat_at: now,
    })
    // The batch's cursor, for the job's runner: the workflow's whole answer.
    return new StepResponse(
      { last_id: batch.last_id, count: batch.count },
      { id: job.id, cursor: job.cursor, processed: job.processed, failed: job.failed, failures: job.failures }
    )
  },
  async (before, { container }) => {
    if (!before) {
      return
    }
    const jewelry: JewelryModuleService = container.resolve(JEWELRY_MODULE)
    await jewelry.updateRepriceJobs(before)
  }
)
