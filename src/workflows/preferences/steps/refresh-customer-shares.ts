import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { customerShares } from "../../../lib/preferences/training"
import { PREFERENCES_MODULE } from "../../../modules/preferences"
import type PreferencesModuleService from "../../../modules/preferences/service"
import { readCustomerData } from "../utils/shop-interactions"

export type RefreshedShares = { model_id: string | null; shares: number }

/**
 * One customer's shares under the current model worked out again from their
 * own interest (src/lib/preferences/training.ts `customerShares`) and
 * stored in place of the night's. Nothing before the first training. Not
 * undone: the shares are what the customer's interest says now.
 */
export const refreshCustomerSharesStep = createStep("refresh-customer-shares", async (input: { customer_id: string }, { container }) => {
  const preferences = container.resolve<PreferencesModuleService>(PREFERENCES_MODULE)
  const model = await preferences.currentModel()
  if (!model) {
    return new StepResponse<RefreshedShares>({ model_id: null, shares: 0 })
  }
  const { items, interactions } = await readCustomerData(container, input.customer_id)
  const rows = customerShares(items, interactions, input.customer_id, new Date())
  const stored = await preferences.replaceCustomerShares(model.id, input.customer_id, rows)
  return new StepResponse<RefreshedShares>({ model_id: model.id, shares: stored })
})
