import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { runAutomaticCampaigns } from "../workflows/offers"

/** Every day at 09:15 IST (03:45 UTC): today's birthday, anniversary and win-back offers of the campaigns switched on. */
export default async function runAutomaticCampaignsJob(container: MedusaContainer) {
  const runs = await runAutomaticCampaigns(container)
  const issued = runs.reduce((n, r) => n + r.issued, 0)
  container.resolve(ContainerRegistrationKeys.LOGGER).info(`Automatic campaigns: ${runs.length} run, ${issued} offers issued in all`)
}

export const config = {
  name: "run-automatic-campaigns",
  schedule: "45 3 * * *",
}
