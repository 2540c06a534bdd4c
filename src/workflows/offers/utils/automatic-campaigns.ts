/**
 * The automatic campaigns: birthday and anniversary offers a few days
 * ahead, "we miss you" offers for customers who stopped buying, and a
 * congratulation when a customer reaches a higher tier. Each exists once,
 * switched off until staff switch it on (with its terms) in the admin.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { AUTOMATIC_KINDS, automaticAudience, tierOccasion, type AutomaticKind } from "../../../lib/offers"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import { OFFERS_MODULE } from "../../../modules/offers"
import type OffersModuleService from "../../../modules/offers/service"
import { createOfferCampaignWorkflow, type OfferCampaignInput } from "../workflows/create-offer-campaign"
import { runCampaignRun, startCampaignRun } from "./run-campaign"

const DEFAULTS: Record<AutomaticKind, Omit<OfferCampaignInput, "kind">> = {
  birthday: {
    name: "Birthday offer",
    offer_type: "making_percentage",
    offer_value: 5000,
    valid_days: 30,
    settings: { days_ahead: 7 },
    enabled: false,
  },
  anniversary: {
    name: "Anniversary offer",
    offer_type: "making_percentage",
    offer_value: 5000,
    valid_days: 30,
    settings: { days_ahead: 7 },
    enabled: false,
  },
  winback: {
    name: "We miss you",
    offer_type: "fixed",
    offer_value: 100_000,
    min_order: 2_000_000,
    valid_days: 45,
    settings: { lapsed_days: 180 },
    enabled: false,
  },
  tier_upgrade: {
    name: "Tier upgrade congratulations",
    offer_type: "making_percentage",
    offer_value: 2500,
    valid_days: 60,
    enabled: false,
  },
}

/** The automatic campaigns, each made (switched off) the first time it is asked for. */
export async function ensureAutomaticCampaigns(container: MedusaContainer) {
  const offers: OffersModuleService = container.resolve(OFFERS_MODULE)
  const list = () => offers.listCampaigns({ kind: [...AUTOMATIC_KINDS] }, { order: { created_at: "ASC" } })
  const existing = await list()
  if (existing.length >= AUTOMATIC_KINDS.length) {
    return existing
  }
  await container.resolve(Modules.LOCKING).execute("offers-automatic-campaigns", async () => {
    const made = await list()
    for (const kind of AUTOMATIC_KINDS.filter((k) => !made.some((c) => c.kind === k))) {
      const defaults = DEFAULTS[kind]
      await createOfferCampaignWorkflow(container).run({ input: { ...defaults, kind, rules: automaticAudience(kind, defaults.settings ?? {}) } })
    }
  })
  return list()
}

/** India's date today, the occasion of an automatic campaign's daily run. */
const istDate = (now: Date) => new Date(now.getTime() + 330 * 60_000).toISOString().slice(0, 10)

/** Today's runs of the switched-on birthday, anniversary and win-back campaigns. */
export async function runAutomaticCampaigns(container: MedusaContainer, now = new Date()) {
  const campaigns = (await ensureAutomaticCampaigns(container)).filter((c) => c.enabled && c.kind !== "tier_upgrade")
  const runs = []
  for (const campaign of campaigns) {
    const { run } = await startCampaignRun(container, campaign.id, istDate(now))
    runs.push(await runCampaignRun(container, run.id, { now }))
  }
  return runs
}

/** A customer moved up a tier: their congratulation offer, if that campaign is on (once per tier reached). */
export async function issueTierUpgradeOffer(container: MedusaContainer, change: { customer_id: string; tier: string; previous_tier: string | null }, now = new Date()) {
  const tiers = (await container.resolve<LoyaltyModuleService>(LOYALTY_MODULE).currentProgram()).tiers.map((t) => t.name)
  if (!change.previous_tier || tiers.indexOf(change.tier) <= tiers.indexOf(change.previous_tier)) {
    return null
  }
  const [campaign] = (await ensureAutomaticCampaigns(container)).filter((c) => c.kind === "tier_upgrade" && c.enabled)
  if (!campaign) {
    return null
  }
  const { run } = await startCampaignRun(container, campaign.id, istDate(now))
  return runCampaignRun(container, run.id, { now, audience: [{ customer_id: change.customer_id, occasion: tierOccasion(change.tier) }] })
}
