import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DOMAIN_CONFLICT } from "../../../lib/errors"
import { parseSegmentRule, type SegmentRule } from "../../../lib/segments"
import { OFFERS_MODULE } from "../../../modules/offers"
import type OffersModuleService from "../../../modules/offers/service"

export type OfferSegmentInput = { name: string; description?: string | null; rules: SegmentRule; created_by?: string | null }

/** Saves a segment under a name no other segment has; compensation deletes it. */
export const createOfferSegmentStep = createStep(
  "create-offer-segment",
  async (input: OfferSegmentInput, { container }) => {
    const problems = parseSegmentRule(input.rules).problems
    if (problems.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid segment rule: ${problems.join("; ")}`)
    }
    const offers: OffersModuleService = container.resolve(OFFERS_MODULE)
    const [same] = await offers.listSegments({ name: input.name }, { select: ["id"] })
    if (same) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `A segment named "${input.name}" exists already (${same.id})`, DOMAIN_CONFLICT)
    }
    const created = await offers.createSegments({ ...input, rules: input.rules as unknown as Record<string, unknown> })
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<OffersModuleService>(OFFERS_MODULE).deleteSegments(id)
    }
  }
)
