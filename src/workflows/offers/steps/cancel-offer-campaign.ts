import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OFFERS_MODULE } from "../../../modules/offers"
import type OffersModuleService from "../../../modules/offers/service"

/**
 * Withdraws a campaign: its offers not yet redeemed are cancelled and their
 * promotions switched off, pending runs stop. Redeemed offers stay as they
 * are. Compensation switches the promotions back on.
 */
export const cancelOfferCampaignStep = createStep(
  "cancel-offer-campaign",
  async ({ id }: { id: string }, { container }) => {
    const offers: OffersModuleService = container.resolve(OFFERS_MODULE)
    const [campaign] = await offers.listCampaigns({ id })
    if (!campaign) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Campaign with id "${id}" was not found`)
    }
    if (campaign.status === "cancelled") {
      return new StepResponse({ campaign, cancelled_offers: 0 }, null)
    }
    const withdrawn = await offers.cancelCampaignOffers(campaign.id)
    if (withdrawn.promotion_ids.length) {
      await container.resolve(Modules.PROMOTION).updatePromotions(withdrawn.promotion_ids.map((pid) => ({ id: pid, status: "inactive" as const })))
    }
    const updated = await offers.updateCampaigns({ id: campaign.id, status: "cancelled", enabled: false })
    return new StepResponse({ campaign: updated, cancelled_offers: withdrawn.count }, { promotion_ids: withdrawn.promotion_ids })
  },
  async (undo, { container }) => {
    if (undo?.promotion_ids.length) {
      await container.resolve(Modules.PROMOTION).updatePromotions(undo.promotion_ids.map((pid) => ({ id: pid, status: "active" as const })))
    }
  }
)
