import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { shopToday } from "../../../lib/occasions"
import { compileSegmentRule, type SegmentRule } from "../../../lib/segments"
import { OFFERS_MODULE } from "../../../modules/offers"
import type OffersModuleService from "../../../modules/offers/service"
import { ensureFreshFacts } from "../../../workflows/offers"
/** The rules of a saved segment; 404 for an unknown id. */
export async function segmentRules(container: MedusaContainer, segmentId: string): Promise<SegmentRule> {
  const [segment] = await container.resolve<OffersModuleService>(OFFERS_MODULE).listSegments({ id: segmentId }, { select: ["rules"] })
  if (!segment) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Segment with id "${segmentId}" was not found`)
  }
  return segment.rules as unknown as SegmentRule
}

/** How many customers a rule selects and one page of them (highest lifetime value first), evaluated in SQL over the customer facts. */
export async function previewSegment(container: MedusaContainer, rule: SegmentRule, page: { limit: number; offset: number }, now = new Date()) {
  const scoresAsOf = await ensureFreshFacts(container)
  const where = compileSegmentRule(rule, shopToday(now), now.toISOString())
  const result = await container.resolve<OffersModuleService>(OFFERS_MODULE).previewAudience(where, page)
  return { ...result, scores_as_of: scoresAsOf }
}
