import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
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
  // The batch goes to the progress step as it is and the workflow answers with the cursor alone: the workflow
  // engine copies every value a step, a transform or the answer receives, and copies of a batch's 2 000
  // breakdowns were a quarter of a reprice's time (docs/benchmarks.md, "Repricing batches").
  const progress = recordRepriceProgressStep({ job_id: input.job_id, batch })
  return new WorkflowResponse(progress)
})
