import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { JEWELRY_MODULE } from "../../../modules/jewelry"
import type JewelryModuleService from "../../../modules/jewelry/service"
import type { RepricedPiece, RepriceFailure } from "./compute-reprice-batch"

export type RecordRepriceProgressInput = {
  job_id: string
  pieces: RepricedPiece[]
  failures: RepriceFailure[]
  last_id: string | null
  count: number
}

const MAX_FAILURES_KEPT = 50

/**
 * Stores each piece's breakdown next to its attributes and moves the job's
 * cursor past the batch. Compensation moves the cursor back.
 */
export const recordRepriceProgressStep = createStep(
  "record-reprice-progress",
  async (input: RecordRepriceProgressInput, { container }) => {
    const jewelry: JewelryModuleService = container.resolve(JEWELRY_MODULE)
    const now = new Date()
    if (input.pieces.length) {
      await jewelry.storeBreakdowns(
        input.pieces.map((piece) => ({ id: piece.attributes_id, breakdown: piece.breakdown })),
        now
      )
    }
    const job = await jewelry.retrieveRepriceJob(input.job_id)
    const kept = ((job.failures as { items?: RepriceFailure[] } | null)?.items ?? []) as RepriceFailure[]
    const failures = { items: [...kept, ...input.failures].slice(0, MAX_FAILURES_KEPT) }
    await jewelry.updateRepriceJobs({
      id: job.id,
      cursor: input.last_id ?? job.cursor,
      processed: job.processed + input.count,
      failed: job.failed + input.failures.length,
      failures,
      heartbeat_at: now,
    })
    return new StepResponse(undefined, { id: job.id, cursor: job.cursor, processed: job.processed, failed: job.failed, failures: job.failures })
  },
  async (before, { container }) => {
    if (!before) {
      return
    }
    const jewelry: JewelryModuleService = container.resolve(JEWELRY_MODULE)
    await jewelry.updateRepriceJobs(before)
  }
)
