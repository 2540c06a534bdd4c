import { randomUUID } from "node:crypto"
import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { templateProblems } from "../../../lib/messaging"
import { campaignTermsProblems, type CampaignKind, type OfferType } from "../../../lib/offers"
import { parseSegmentRule, type SegmentRule } from "../../../lib/segments"
import { BRANCH_MODULE } from "../../../modules/branch"
import type BranchModuleService from "../../../modules/branch/service"
import { OFFERS_MODULE } from "../../../modules/offers"
import type OffersModuleService from "../../../modules/offers/service"

export type OfferCampaignInput = {
  name: string
  kind?: CampaignKind
  segment_id?: string | null
  rules?: SegmentRule | null
  offer_type: OfferType
  /** Basis points for the percentage types, paise for fixed. */
  offer_value: number
  max_discount?: number | null
  min_order?: number | null
  budget?: number | null
  starts_at?: Date | null
  ends_at?: Date | null
  valid_days?: number | null
  settings?: Record<string, number> | null
  channel?: "auto" | "sms" | "whatsapp" | "none"
  message?: string | null
  branch_id?: string | null
  run_at?: Date | null
  enabled?: boolean
  created_by?: string | null
}

export type ValidatedCampaign = OfferCampaignInput & {
  rules: SegmentRule | null
  starts_at: Date
  ends_at: Date | null
  /** Identifier of the Medusa campaign to create. */
  campaign_identifier: string
}

/** Days a manual campaign runs when no end is given. */
const DEFAULT_CAMPAIGN_DAYS = 30

/**
 * Checks a campaign before anything is written: its terms hold together
 * (src/lib/offers), its audience is a valid rule or an existing segment,
 * its branch exists and its message uses only the offer's variables. A
 * manual campaign without an end runs for 30 days.
 */
export const validateOfferCampaignStep = createStep("validate-offer-campaign", async (input: OfferCampaignInput, { container }) => {
  const kind = input.kind ?? "manual"
  // Workflow inputs arrive serialised: dates as text.
  const asDate = (value: Date | string | null | undefined) => (value ? new Date(value) : null)
  const problems = campaignTermsProblems({ ...input, kind, starts_at: asDate(input.starts_at), ends_at: asDate(input.ends_at) })
  let rules = input.rules ?? null
  if (input.segment_id) {
    const [segment] = await container.resolve<OffersModuleService>(OFFERS_MODULE).listSegments({ id: input.segment_id }, { select: ["rules"] })
    if (!segment) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Segment with id "${input.segment_id}" was not found`)
    }
    rules = segment.rules as unknown as SegmentRule
  }
  if (kind === "manual") {
    if (!rules) {
      problems.push("rules: a campaign needs an audience: rules or a segment_id")
    } else {
      problems.push(...parseSegmentRule(rules).problems.map((p) => `rules: ${p}`))
    }
  }
  if (input.message) {
    problems.push(...templateProblems("offer_issued", input.message).map((p) => `message: ${p}`))
  }
  if (input.branch_id) {
    const [branch] = await container.resolve<BranchModuleService>(BRANCH_MODULE).listBranches({ id: input.branch_id }, { select: ["id"] })
    if (!branch) {
      problems.push(`branch_id: no branch has the id "${input.branch_id}"`)
    }
  }
  if (problems.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `The campaign cannot be saved: ${problems.join("; ")}`)
  }
  const startsAt = asDate(input.starts_at) ?? new Date()
  const endsAt = asDate(input.ends_at) ?? (kind === "manual" ? new Date(startsAt.getTime() + DEFAULT_CAMPAIGN_DAYS * 86_400_000) : null)
  return new StepResponse<ValidatedCampaign>({ ...input, kind, rules, starts_at: startsAt, ends_at: endsAt, campaign_identifier: `offers-${randomUUID()}` })
})
