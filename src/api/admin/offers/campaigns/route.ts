import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { SegmentRule } from "../../../../lib/segments"
import { OFFERS_MODULE } from "../../../../modules/offers"
import type OffersModuleService from "../../../../modules/offers/service"
import { createOfferCampaignWorkflow } from "../../../../workflows/offers"
import { offerTerms, presentCampaign } from "../../../../modules/offers/present"
import type { CreateCampaignBodyType, ListCampaignsQueryType } from "../validators"

/** GET /admin/offers/campaigns?kind=&status=&q= — campaigns, newest first, with their latest run. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { kind, status, q, limit, offset } = req.validatedQuery as ListCampaignsQueryType
  const offers: OffersModuleService = req.scope.resolve(OFFERS_MODULE)
  const [campaigns, count] = await offers.listAndCountCampaigns(
    { ...(kind ? { kind } : {}), ...(status ? { status } : {}), ...(q ? { name: { $ilike: `%${q}%` } } : {}) },
    { order: { created_at: "DESC" }, take: limit, skip: offset }
  )
  const runs = campaigns.length ? await offers.listCampaignRuns({ campaign_id: campaigns.map((c) => c.id) }, { order: { created_at: "DESC" } }) : []
  res.json({
    campaigns: campaigns.map((c) => ({ ...presentCampaign(c), latest_run: runs.find((r) => r.campaign_id === c.id) ?? null })),
    count,
    limit,
    offset,
  })
}

/**
 * POST /admin/offers/campaigns — a manual campaign (a draft until it is run,
 * or scheduled with run_at): name, audience (rules or segment_id), offer,
 * min_order, budget, dates, channel, message, branch.
 */
export async function POST(req: AuthenticatedMedusaRequest<CreateCampaignBodyType>, res: MedusaResponse) {
  const body = req.validatedBody
  const { result } = await createOfferCampaignWorkflow(req.scope).run({
    input: {
      name: body.name,
      kind: "manual",
      segment_id: body.segment_id ?? null,
      rules: (body.rules as SegmentRule | undefined) ?? null,
      ...offerTerms(body.offer, body),
      starts_at: body.starts_at ?? null,
      ends_at: body.ends_at ?? null,
      channel: body.channel,
      message: body.message ?? null,
      branch_id: body.branch_id ?? null,
      run_at: body.run_at ?? null,
      created_by: req.auth_context?.actor_id ?? null,
    },
  })
  res.status(201).json({ campaign: presentCampaign(result) })
}
