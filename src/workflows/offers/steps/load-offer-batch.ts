import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { termsOf, type OfferTerms } from "../../../lib/offers"
import { OFFERS_MODULE } from "../../../modules/offers"
import type OffersModuleService from "../../../modules/offers/service"
import type { PendingOffer } from "../../../modules/offers/service"

export type OfferBatch = {
  run_id: string
  campaign: Awaited<ReturnType<OffersModuleService["retrieveCampaign"]>>
  /** The terms the run's offers carry. */
  terms: OfferTerms
  offers: PendingOffer[]
}

/** The next pending offers of a run, with their campaign and terms. */
export const loadOfferBatchStep = createStep(
  "load-offer-batch",
  async (input: { run_id: string; limit: number; shard?: number; shards?: number; after?: string | null }, { container }) => {
    const offers: OffersModuleService = container.resolve(OFFERS_MODULE)
    const run = await offers.retrieveCampaignRun(input.run_id, { relations: ["campaign"] })
    const pending = await offers.listPendingOffers(run.id, input.limit, { shard: input.shard ?? 0, shards: input.shards ?? 1, after: input.after })
    const terms = (run.terms as unknown as OfferTerms | null) ?? termsOf(run.campaign)
    return new StepResponse<OfferBatch>({ run_id: run.id, campaign: run.campaign, terms, offers: pending })
  }
)
