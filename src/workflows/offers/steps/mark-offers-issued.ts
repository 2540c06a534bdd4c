import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OFFERS_MODULE } from "../../../modules/offers"
import type OffersModuleService from "../../../modules/offers/service"
import type { IssuedOffer } from "../../../modules/offers/service"

/** Marks a batch's offers issued with their promotion and message; compensation puts them back to pending. */
export const markOffersIssuedStep = createStep(
  "mark-offers-issued",
  async (offers: IssuedOffer[], { container }) => {
    const moved = await container.resolve<OffersModuleService>(OFFERS_MODULE).markOffersIssued(offers)
    return new StepResponse(moved, offers.map((o) => o.id))
  },
  async (ids, { container }) => {
    if (ids?.length) {
      await container.resolve<OffersModuleService>(OFFERS_MODULE).unmarkOffersIssued(ids)
    }
  }
)
