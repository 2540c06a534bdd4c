import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { promotionMode } from "../../../lib/offers"
import { ensureOfferPromotions, offerPromotionInput } from "../utils/offer-promotion"
import type { OfferBatch } from "./load-offer-batch"

/**
 * Creates the Medusa promotions of a batch of offers when they are made at
 * issue (OFFERS_PROMOTIONS=on_issue; otherwise on first use, and this step
 * makes none), those that have none yet: a batch retried after a crash
 * creates only what is missing. Returns offer id → promotion id.
 * Compensation deletes the promotions it created.
 */
export const createOfferPromotionsStep = createStep(
  "create-offer-promotions",
  async ({ campaign, terms, offers }: Pick<OfferBatch, "campaign" | "terms" | "offers">, { container }) => {
    if (!offers.length || promotionMode() !== "on_issue") {
      return new StepResponse({} as Record<string, string | null>, [] as string[])
    }
    const { ids, created } = await ensureOfferPromotions(
      container,
      offers.map((o) => offerPromotionInput({ ...terms, promotion_campaign_id: campaign.promotion_campaign_id }, o, terms.max_discount ?? undefined))
    )
    return new StepResponse(Object.fromEntries(offers.map((o) => [o.id, ids.get(o.code) ?? null])), created)
  },
  async (created, { container }) => {
    if (created?.length) {
      await container.resolve(Modules.PROMOTION).deletePromotions(created)
    }
  }
)
