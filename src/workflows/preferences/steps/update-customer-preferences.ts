import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { AlsParameters } from "../../../lib/preferences/als"
import { customerShares, refreshCustomerDesigns, type ModelDesign } from "../../../lib/preferences/training"
import { PREFERENCES_MODULE } from "../../../modules/preferences"
import type PreferencesModuleService from "../../../modules/preferences/service"
import { readCustomerData } from "../utils/shop-interactions"

export type RefreshedPreferences = { model_id: string | null; shares: number; designs: number }

type ModelForRefresh = { id: string; parameters: Partial<AlsParameters> & { k?: number }; designs: ModelDesign[] }

/** The last model's designs read: a model never changes once trained, and every order of the day refreshes under it. */
let lastModel: ModelForRefresh | null = null

async function modelForRefresh(preferences: PreferencesModuleService, modelId: string): Promise<ModelForRefresh> {
  if (lastModel?.id !== modelId) {
    const [model, designs] = await Promise.all([preferences.retrievePreferenceModel(modelId, { select: ["id", "parameters"] }), preferences.modelDesigns(modelId)])
    lastModel = { id: modelId, parameters: (model.parameters ?? {}) as ModelForRefresh["parameters"], designs }
  }
  return lastModel
}

/**
 * One customer's shares and top designs under the current model worked out again from their own interest
 * (src/lib/preferences/training.ts `customerShares`, `refreshCustomerDesigns`) and stored in place of the night's.
 * Nothing before the first training; the designs stay the night's under a model that kept no designs. Not undone:
 * the rows are what the customer's interest says now.
 */
export const updateCustomerPreferencesStep = createStep("update-customer-preferences", async (input: { customer_id: string }, { container }) => {
  const preferences = container.resolve<PreferencesModuleService>(PREFERENCES_MODULE)
  const current = await preferences.currentModel()
  if (!current) {
    return new StepResponse<RefreshedPreferences>({ model_id: null, shares: 0, designs: 0 })
  }
  const [model, { items, interactions }] = await Promise.all([modelForRefresh(preferences, current.id), readCustomerData(container, input.customer_id)])
  const now = new Date()
  const shares = customerShares(items, interactions, input.customer_id, now)
  const designs = model.designs.length ? refreshCustomerDesigns(model.designs, model.parameters, items, interactions, input.customer_id, now) : null
  const stored = await preferences.replaceCustomerPreferences(current.id, input.customer_id, { shares, designs })
  return new StepResponse<RefreshedPreferences>({ model_id: current.id, ...stored })
})
