import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { promotionMode } from "../../../lib/offers"
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
 * no offer is pending.
 */
export const issueOffersBatchWorkflow = createWorkflow("issue-offers-batch", (input: IssueOffersBatchInput) => {
  const batch = loadOfferBatchStep(input)
  const promotions = when({ batch }, ({ batch }) => batch.offers.length > 0 && promotionMode() === "on_issue").then(() =>
    createOfferPromotionsStep(transform({ batch }, ({ batch }) => ({ campaign: batch.campaign, terms: batch.terms, offers: batch.offers })))
  )
  const messages = queueOfferMessagesStep(transform({ batch }, ({ batch }) => ({ campaign: batch.campaign, terms: batch.terms, offers: batch.offers })))
  const issued = markOffersIssuedStep(
    transform({ batch, promotions, messages }, ({ batch, promotions, messages }) =>
      batch.offers.map((o) => ({ id: o.id, promotion_id: promotions?.[o.id] ?? null, message_id: messages.by_offer[o.id] ?? null }))
    )
  )
  recordOfferRunProgressStep(
    transform({ batch, issued, messages }, ({ batch, issued, messages }) => ({
      run_id: batch.run_id,
      processed: batch.offers.length,
      issued,
      messaged: messages.queued,
    }))
  )
  return new WorkflowResponse(
    transform({ batch, issued }, ({ batch, issued }) => ({ count: batch.offers.length, issued, last_id: batch.offers.at(-1)?.id ?? null }))
  )
})
