import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { computeRepriceBatchStep } from "../steps/compute-reprice-batch"
import { recordRepriceProgressStep } from "../steps/record-reprice-progress"
import { writeCatalogPricesStep } from "../steps/write-catalog-prices"

export type RepriceBatchInput = {
  job_id: string
  after: string | null
  limit: number
  state_code: string
  only_ids?: string[] | null
}

/**
 * Reprices one batch of rate-based pieces: compute with today's rates, write
 * the INR prices, store the breakdowns and advance the job. The runner
 * (../utils/run-reprice-job) calls it until the catalogue is done.
 */
export const repriceBatchWorkflow = createWorkflow("reprice-batch", (input: RepriceBatchInput) => {
  const batch = computeRepriceBatchStep({
    after: input.after,
    limit: input.limit,
    state_code: input.state_code,
    only_ids: input.only_ids,
  })
  writeCatalogPricesStep(batch.priced)
  const progress = transform({ batch, input }, ({ batch, input }) => ({
    job_id: input.job_id,
    pieces: batch.priced,
    failures: batch.failures,
    last_id: batch.last_id,
    count: batch.count,
  }))
  recordRepriceProgressStep(progress)
  return new WorkflowResponse(batch)
})
