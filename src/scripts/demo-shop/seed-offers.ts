import type { MedusaContainer } from "@medusajs/framework/types"
import type { SegmentRule } from "../../lib/segments"
import { BRANCH_MODULE } from "../../modules/branch"
import type BranchModuleService from "../../modules/branch/service"
import { OFFERS_MODULE } from "../../modules/offers"
import type OffersModuleService from "../../modules/offers/service"
import { createOfferCampaignWorkflow, createOfferSegmentWorkflow } from "../../workflows/offers"
import { ensureAutomaticCampaigns } from "../../workflows/offers"

const SEGMENT = "Mumbai gold buyers, ₹1 lakh and more"
const CAMPAIGN = "Akshaya Tritiya: making charges for our gold buyers"

/**
 * Something to try on the Offer campaigns page: a saved segment, a draft
 * campaign on it (not run: running it is the staff's decision) and the
 * automatic campaigns, switched off. Made once; a rerun adds nothing.
 */
export async function ensureDemoOffers(container: MedusaContainer) {
  const offers: OffersModuleService = container.resolve(OFFERS_MODULE)
  const [mumbai] = await container.resolve<BranchModuleService>(BRANCH_MODULE).listBranches({ code: "MUM" })
  let [segment] = await offers.listSegments({ name: SEGMENT })
  if (!segment) {
    const rules: SegmentRule = {
      all: [
        { field: "preferred_metal", op: "includes", value: "gold" },
        { field: "lifetime_value", op: "gte", value: 100000 },
        ...(mumbai ? [{ field: "home_branch" as const, op: "in" as const, value: [mumbai.id] }] : []),
      ],
    }
    segment = (await createOfferSegmentWorkflow(container).run({ input: { name: SEGMENT, description: "Demo: loyal gold customers of the Zaveri Bazaar branch", rules } })).result
  }
  if (!(await offers.listCampaigns({ name: CAMPAIGN })).length) {
    await createOfferCampaignWorkflow(container).run({
      input: { name: CAMPAIGN, kind: "manual", segment_id: segment.id, offer_type: "making_percentage", offer_value: 3000, max_discount: 1_500_000, min_order: 5_000_000, budget: 50_000_000 },
    })
  }
  await ensureAutomaticCampaigns(container)
}
