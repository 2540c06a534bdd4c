import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { templateProblems } from "../../../lib/messaging"
import { paiseToAmount } from "../../../lib/money"
import { automaticAudience, campaignTermsProblems, type AutomaticKind, type CampaignKind, type OfferType } from "../../../lib/offers"
import { OFFERS_MODULE } from "../../../modules/offers"
import type OffersModuleService from "../../../modules/offers/service"

export type OfferCampaignUpdate = {
  id: string
  name?: string
  offer_type?: OfferType
  offer_value?: number
  max_discount?: number | null
  min_order?: number | null
  budget?: number | null
  channel?: "auto" | "sms" | "whatsapp" | "none"
  message?: string | null
  enabled?: boolean
  valid_days?: number
  days_ahead?: number
  lapsed_days?: number
}

const TERM_FIELDS = ["name", "offer_type", "offer_value", "max_discount", "min_order", "budget", "channel", "message", "enabled", "valid_days", "settings", "rules"] as const

/**
 * Changes a campaign that has not run yet (a draft or scheduled manual
 * campaign) or an automatic one (its next runs; offers already issued keep
 * their terms): the result is checked as a new campaign would be, and the
 * Medusa campaign's budget follows. Compensation puts the old values back.
 */
export const updateOfferCampaignStep = createStep(
  "update-offer-campaign",
  async (input: OfferCampaignUpdate, { container }) => {
    const offers: OffersModuleService = container.resolve(OFFERS_MODULE)
    const [campaign] = await offers.listCampaigns({ id: input.id })
    if (!campaign) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Campaign with id "${input.id}" was not found`)
    }
    const kind = campaign.kind as CampaignKind
    if (kind === "manual" && !["draft", "scheduled"].includes(campaign.status)) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Campaign "${campaign.name}" is ${campaign.status}: only a campaign that has not run can change`)
    }
    if (kind === "manual" && (input.enabled !== undefined || input.days_ahead !== undefined || input.lapsed_days !== undefined || input.valid_days !== undefined)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "enabled, valid_days, days_ahead and lapsed_days belong to automatic campaigns")
    }
    const { id: _id, days_ahead, lapsed_days, ...fields } = input
    const settings = { ...((campaign.settings as Record<string, number> | null) ?? {}), ...(days_ahead !== undefined ? { days_ahead } : {}), ...(lapsed_days !== undefined ? { lapsed_days } : {}) }
    const next = { ...campaign, ...fields, settings }
    const problems = campaignTermsProblems({ ...next, kind, starts_at: null, ends_at: kind === "manual" && campaign.ends_at ? new Date(campaign.ends_at) : null })
    if (input.message) {
      problems.push(...templateProblems("offer_issued", input.message).map((p) => `message: ${p}`))
    }
    if (problems.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `The campaign cannot be saved: ${problems.join("; ")}`)
    }
    const update = {
      ...fields,
      settings,
      ...(kind !== "manual" ? { rules: automaticAudience(kind as AutomaticKind, settings) as unknown as Record<string, unknown> } : {}),
    }
    const before = Object.fromEntries(TERM_FIELDS.map((f) => [f, campaign[f as keyof typeof campaign]]))
    const updated = await offers.updateCampaigns({ id: campaign.id, ...update })
    if (input.budget !== undefined && campaign.promotion_campaign_id && input.budget !== campaign.budget) {
      await container.resolve(Modules.PROMOTION).updateCampaigns({
        id: campaign.promotion_campaign_id,
        budget: { limit: input.budget != null ? paiseToAmount(input.budget) : null, ...(campaign.budget == null ? { type: "spend" as const } : {}) },
      } as never)
    }
    return new StepResponse(updated, { id: campaign.id, before })
  },
  async (undo, { container }) => {
    if (undo) {
      await container.resolve<OffersModuleService>(OFFERS_MODULE).updateCampaigns({ id: undo.id, ...undo.before } as never)
    }
  }
)
