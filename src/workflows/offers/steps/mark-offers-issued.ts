import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OFFERS_MODULE } from "../../../modules/offers"
import type OffersModuleService from "../../../modules/offers/service"
import type { OfferBatch } from "./load-offer-batch"
import type { RunProgress } from "./record-offer-run-progress"

export type MarkOffersIssuedInput = {
  batch: OfferBatch
  /** Offer id → its Medusa promotion, when made at issue. */
  promotions: Record<string, string | null>
  messages: { by_offer: Record<string, string | null>; queued: number }
}

/**
 * Marks a batch's offers issued with their promotion and message; returns the
 * batch's counts for the run (and its last offer id, where the next batch of
 * the share reads on). Compensation puts the offers back to pending.
 */
export const markOffersIssuedStep = createStep(
  "mark-offers-issued",
  async ({ batch, promotions, messages }: MarkOffersIssuedInput, { container }) => {
    const ids = batch.offers.map((o) => o.id)
    const issued = await container.resolve<OffersModuleService>(OFFERS_MODULE).markOffersIssued(
      ids.map((id) => ({ id, promotion_id: promotions[id] ?? null, message_id: messages.by_offer[id] ?? null }))
    )
    const progress: RunProgress = { run_id: batch.run_id, processed: ids.length, issued, messaged: messages.queued, last_id: ids.at(-1) ?? null }
    return new StepResponse(progress, ids)
  },
  async (ids, { container }) => {
    if (ids?.length) {
      await container.resolve<OffersModuleService>(OFFERS_MODULE).unmarkOffersIssued(ids)
    }
  }
)
