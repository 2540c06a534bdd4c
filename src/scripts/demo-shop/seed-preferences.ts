import type { MedusaContainer } from "@medusajs/framework/types"
import { PREFERENCES_MODULE } from "../../modules/preferences"
import type PreferencesModuleService from "../../modules/preferences/service"
import { trainPreferenceModelWorkflow } from "../../workflows/preferences"

type Log = (message: string) => void

/** The demo year's preference model, so the 360 shows "likely to buy" from the first start; kept if one is current. */
export async function ensurePreferenceModel(container: MedusaContainer, log: Log): Promise<void> {
  const [current] = await container.resolve<PreferencesModuleService>(PREFERENCES_MODULE).listPreferenceModels({ status: "current" }, { take: 1 })
  if (current) {
    return
  }
  const { result } = await trainPreferenceModelWorkflow(container).run({ input: {} })
  log(`preference model: ${result.customers} customers, ${result.designs} designs, ${result.recommendations} recommendations in ${result.duration_ms} ms`)
}
