import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PREFERENCES_MODULE } from "../../../modules/preferences"
import type PreferencesModuleService from "../../../modules/preferences/service"
import type { NewArrivalListDTO } from "../utils/new-arrival-types"

/** The list already made under this key, if any: a retried run answers it and makes nothing again. */
export const findNewArrivalListStep = createStep("find-new-arrival-list", async (input: { key: string }, { container }) => {
  const [found] = await container.resolve<PreferencesModuleService>(PREFERENCES_MODULE).listNewArrivalLists({ key: input.key }, { take: 1 })
  return new StepResponse((found as unknown as NewArrivalListDTO | undefined) ?? null)
})
