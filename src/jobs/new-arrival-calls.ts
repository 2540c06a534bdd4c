import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PREFERENCES_MODULE } from "../modules/preferences"
import type PreferencesModuleService from "../modules/preferences/service"
import { createNewArrivalCallsWorkflow } from "../workflows/preferences"

const IST_MS = 330 * 60_000

/**
 * Every morning at 08:15 IST (02:45 UTC), before the follow-up reminders: the
 * new-arrivals call list for the pieces that came in since the last day's
 * list (or in the last day, the first time), made by the night's model
 * (docs/preferences.md). One list a day: a second run the same day answers
 * the first.
 */
export default async function newArrivalCallsJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const now = new Date()
  const [last] = await container
    .resolve<PreferencesModuleService>(PREFERENCES_MODULE)
    .listNewArrivalLists({ key: { $like: "daily:%" } }, { order: { created_at: "DESC" }, take: 1 })
  const since = last?.until ? new Date(last.until) : new Date(now.getTime() - 86_400_000)
  const day = new Date(now.getTime() + IST_MS).toISOString().slice(0, 10)
  try {
    const { result } = await createNewArrivalCallsWorkflow(container).run({ input: { key: `daily:${day}`, since, until: now } })
    const calls = result.list.calls as unknown[]
    logger.info(`New-arrivals call list ${result.list.id}: ${(result.list.pieces as unknown[]).length} pieces, ${calls.length} calls${result.replayed ? " (made earlier today)" : ""}`)
  } catch (err) {
    logger.warn(`New-arrivals call list not made: ${(err as Error).message}`)
  }
}

export const config = {
  name: "new-arrival-calls",
  schedule: "45 2 * * *",
}
