import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createOfferPromotionsStep } from "../steps/create-offer-promotions"
import { loadOfferBatchStep } from "../steps/load-offer-batch"
import { markOffersIssuedStep } from "../steps/mark-offers-issued"
import { queueOfferMessagesStep } from "../steps/queue-offer-messages"
import { recordOfferRunProgressStep } from "../steps/record-offer-run-progress"

export type IssueOffersBatchInput = {
  run_id: string
  limit: number
  /** Of batches issued side by side, which share of the pending offers this one takes. */
  shard?: number
  shards?: number
  /** The last offer id of this share's previous batch: the batch takes pending offers after it. */
  after?: string | null
}

/**
 * Issues the next batch of a run's pending offers: their Medusa promotions
 * (when OFFERS_PROMOTIONS=on_issue; otherwise on first use), one message to
 * each customer, the offers marked issued and the run's progress counted.
 * Every step can be run again after a crash without doing anything twice,
 * and a failure undoes the batch. The runner (./run-campaign) calls it until
 * no offer is pending; it answers the batch's counts and its last offer id.
 *
 * The batch goes to each step as the loading step returned it, with no
 * `when` or `transform` between them, and the steps after the marking pass
 * counts alone: the workflow engine copies every value it hands on, and a
 * batch is 2 000 offers (docs/benchmarks.md, "Generating offers").
 */
export const issueOffersBatchWorkflow = createWorkflow("issue-offers-batch", (input: IssueOffersBatchInput) => {
  const batch = loadOfferBatchStep(input)
  const promotions = createOfferPromotionsStep(batch)
  const messages = queueOfferMessagesStep(batch)
  const progress = markOffersIssuedStep({ batch, promotions, messages })
  return new WorkflowResponse(recordOfferRunProgressStep(progress))
})
