import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { trainPreferenceModelWorkflow } from "../workflows/preferences"

/**
 * Every night at 03:15 IST (21:45 UTC), after the sales facts: the preference
 * model trained again on the day's data (docs/preferences.md). Too little data
 * keeps the current model, with the reason in the log.
 */
export default async function trainPreferenceModelJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  try {
    const { result } = await trainPreferenceModelWorkflow(container).run({ input: {} })
    logger.info(
      `Preference model ${result.model_id} is current: ${result.customers} customers, ${result.designs} designs, ${result.interactions} interactions, ${result.duration_ms} ms`
    )
  } catch (err) {
    logger.warn(`Preference model not trained, the current one kept: ${(err as Error).message}`)
  }
}

export const config = {
  name: "train-preference-model",
  schedule: "45 21 * * *",
}
