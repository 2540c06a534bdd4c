import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { shopToday } from "../../lib/occasions"
import { compileSegmentRule, parseSegmentRule, type SegmentRule } from "../../lib/segments"
import { OFFERS_MODULE } from "../../modules/offers"
import type OffersModuleService from "../../modules/offers/service"
import { ensureFreshFacts } from "../../workflows/offers"

/** A segment rule in a request body: checked with messages that say where the problem is. */
export const SegmentRuleField = z.unknown().superRefine((value, ctx) => {
  for (const problem of parseSegmentRule(value).problems) {
    ctx.addIssue({ code: "custom", message: `Invalid segment rule: ${problem}` })
  }
})

export const SegmentPreviewBody = z
  .object({
    rules: SegmentRuleField.optional(),
    segment_id: z.string().min(1).max(100).optional(),
    limit: z.number().int().min(1).max(100).default(20),
    offset: z.number().int().min(0).max(1_000_000).default(0),
  })
  .strict()
  .refine((b) => (b.rules === undefined) !== (b.segment_id === undefined), { message: "Give either rules or segment_id" })
export type SegmentPreviewBodyType = z.infer<typeof SegmentPreviewBody>

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
