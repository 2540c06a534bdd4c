import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PREFERENCES_MODULE } from "../../../modules/preferences"
import type PreferencesModuleService from "../../../modules/preferences/service"

/** Makes the model current; the one it replaces is kept as previous, to roll back to. */
export const promotePreferenceModelStep = createStep("promote-preference-model", async (input: { model_id: string }, { container }) => {
  await container.resolve<PreferencesModuleService>(PREFERENCES_MODULE).promoteModel(input.model_id)
  return new StepResponse(input.model_id)
})
