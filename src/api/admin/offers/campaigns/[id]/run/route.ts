import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { OFFERS_MODULE } from "../../../../../../modules/offers"
import type OffersModuleService from "../../../../../../modules/offers/service"
import { runCampaignRun, startCampaignRun } from "../../../../../../workflows/offers/run-campaign"
import { assertOwnBranch } from "../../../../../utils/access"
import { recordAudit } from "../../../../../utils/audit"

/**
 * POST /admin/offers/campaigns/:id/run — issue the campaign's offers now:
 * answers 202 with the run to follow (GET /admin/offers/runs/:id). A manual
 * campaign runs once: asking again answers 200 with its run and issues nothing.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const offers: OffersModuleService = req.scope.resolve(OFFERS_MODULE)
  const [campaign] = await offers.listCampaigns({ id: req.params.id })
  if (!campaign) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Campaign with id "${req.params.id}" was not found`)
  }
  await assertOwnBranch(req, campaign.branch_id, `Campaign "${campaign.name}"`)
  if (campaign.kind !== "manual") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `"${campaign.name}" runs by itself every day while it is switched on`)
  }
  const { run, created } = await startCampaignRun(req.scope, campaign.id)
  if (!created && (run.status === "succeeded" || run.status === "running")) {
    res.status(200).json({ run })
    return
  }
  await recordAudit(req.scope, req, {
    action: "campaign.run_started",
    entity: "campaign",
    entity_id: campaign.id,
    branch_id: campaign.branch_id ?? null,
    changes: { run_status: { before: created ? null : run.status, after: "running" } },
    metadata: { run_id: run.id, campaign_name: campaign.name },
  })
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  runCampaignRun(req.scope, run.id).catch((e) => logger.error(`Campaign run ${run.id} failed: ${(e as Error).message}`))
  res.status(202).json({ run })
}
