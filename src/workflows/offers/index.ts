import type { CreateCampaignDTO } from "@medusajs/framework/types"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCampaignsStep } from "@medusajs/medusa/core-flows"
import { paiseToAmount } from "../../lib/money"
import { promotionMode } from "../../lib/offers"
import { cancelOfferCampaignStep } from "./steps/cancel-offer-campaign"
import { createOfferCampaignStep } from "./steps/create-offer-campaign"
import { createOfferPromotionsStep } from "./steps/create-offer-promotions"
import { createOfferSegmentStep, type OfferSegmentInput } from "./steps/create-offer-segment"
import { loadOfferBatchStep } from "./steps/load-offer-batch"
import { markOffersIssuedStep } from "./steps/mark-offers-issued"
import { queueOfferMessagesStep } from "./steps/queue-offer-messages"
import { recordOfferRedemptionsStep } from "./steps/record-offer-redemptions"
import { recordOfferRunProgressStep } from "./steps/record-offer-run-progress"
import { updateOfferCampaignStep, type OfferCampaignUpdate } from "./steps/update-offer-campaign"
import { validateOfferCampaignStep, type OfferCampaignInput } from "./steps/validate-offer-campaign"

export type { OfferCampaignInput, OfferCampaignUpdate, OfferSegmentInput }

/** Saves a named audience rule. */
export const createOfferSegmentWorkflow = createWorkflow("create-offer-segment", (input: OfferSegmentInput) => {
  return new WorkflowResponse(createOfferSegmentStep(input))
})

/**
 * Saves a campaign: its terms are checked, then a Medusa campaign is made to
 * carry its dates and spend budget (the promotions of its offers will live
 * under it), then the campaign itself. Undone as a whole if a step fails.
 */
export const createOfferCampaignWorkflow = createWorkflow("create-offer-campaign", (input: OfferCampaignInput) => {
  const campaign = validateOfferCampaignStep(input)
  const medusaCampaigns = createCampaignsStep(
    transform({ campaign }, ({ campaign }): CreateCampaignDTO[] => [
      {
        name: campaign.name,
        description: "Personal offer codes of an offer campaign (Offer campaigns page)",
        campaign_identifier: campaign.campaign_identifier,
        starts_at: campaign.starts_at,
        ends_at: campaign.ends_at ?? undefined,
        ...(campaign.budget != null ? { budget: { type: "spend", limit: paiseToAmount(campaign.budget), currency_code: "inr" } } : {}),
      },
    ])
  )
  const created = createOfferCampaignStep(
    transform({ campaign, medusaCampaigns }, ({ campaign, medusaCampaigns }) => ({ campaign, promotion_campaign_id: medusaCampaigns[0].id }))
  )
  return new WorkflowResponse(created)
})

export type IssueOffersBatchInput = {
  run_id: string
  limit: number
  /** Of batches issued side by side, which share of the pending offers this one takes. */
  shard?: number
  shards?: number
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
  return new WorkflowResponse(transform({ batch, issued }, ({ batch, issued }) => ({ count: batch.offers.length, issued })))
})

/** Marks the offers whose codes an order used as redeemed, with the discount they gave and the order's total (once per order). */
export const recordOfferRedemptionsWorkflow = createWorkflow("record-offer-redemptions", (input: { order_id: string }) => {
  return new WorkflowResponse(recordOfferRedemptionsStep(input))
})

/** Changes a campaign that has not run, or an automatic campaign's terms, settings and switch. */
export const updateOfferCampaignWorkflow = createWorkflow("update-offer-campaign", (input: OfferCampaignUpdate) => {
  return new WorkflowResponse(updateOfferCampaignStep(input))
})

/** Withdraws a campaign: unredeemed offers cancelled, their promotions switched off. */
export const cancelOfferCampaignWorkflow = createWorkflow("cancel-offer-campaign", (input: { id: string }) => {
  return new WorkflowResponse(cancelOfferCampaignStep(input))
})
