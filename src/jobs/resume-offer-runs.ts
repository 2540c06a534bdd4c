import type { MedusaContainer } from "@medusajs/framework/types"
import { OFFERS_MODULE } from "../modules/offers"
import type OffersModuleService from "../modules/offers/service"
import { findStalledRuns, runCampaignRun, startCampaignRun } from "../workflows/offers"

/** Every five minutes: start scheduled campaigns whose time has come, and resume runs a stopped process left unfinished. */
export default async function resumeOfferRuns(container: MedusaContainer) {
  const offers: OffersModuleService = container.resolve(OFFERS_MODULE)
  for (const campaign of await offers.listCampaigns({ status: "scheduled", run_at: { $lte: new Date() } })) {
    const { run } = await startCampaignRun(container, campaign.id)
    await runCampaignRun(container, run.id)
  }
  for (const run of await findStalledRuns(container)) {
    await runCampaignRun(container, run.id)
  }
}

export const config = {
  name: "resume-offer-runs",
  schedule: "*/5 * * * *",
}
