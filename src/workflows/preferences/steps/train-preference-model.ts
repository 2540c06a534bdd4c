import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PREFERENCES_MODULE } from "../../../modules/preferences"
import type PreferencesModuleService from "../../../modules/preferences/service"
import { trainPreferences } from "../../../lib/preferences/training"
import type { Evaluation } from "../../../lib/preferences/evaluate"
import { readShopData } from "../utils/shop-interactions"

export type TrainPreferenceModelInput = { now?: string; k?: number; weeks?: number }

export type TrainedModel = {
  model_id: string
  customers: number
  designs: number
  interactions: number
  recommendations: number
  duration_ms: number
  /** Where the time went: reading the shop's data, evaluating and training and scoring, storing the rows. */
  phases_ms: { read: number; train: number; store: number }
  evaluation: Evaluation | null
  evaluation_skipped: string | null
}

/**
 * Reads the shop's pieces and interest, evaluates and trains the model
 * (src/lib/preferences/training.ts) and stores it, status "training", with
 * every known customer's top designs. Undone by removing both.
 */
export const trainPreferenceModelStep = createStep(
  "train-preference-model",
  async (input: TrainPreferenceModelInput, { container }) => {
    const started = Date.now()
    const { items, interactions } = await readShopData(container)
    const read = Date.now() - started
    const run = trainPreferences(items, interactions, input.now ? new Date(input.now) : new Date(), {
      k: input.k,
      weeks: input.weeks,
    })
    const train = Date.now() - started - read
    const preferences: PreferencesModuleService = container.resolve(PREFERENCES_MODULE)
    const model = await preferences.createPreferenceModels({
      status: "training",
      trained_at: new Date(),
      duration_ms: 0,
      customers: run.customers,
      designs: run.designs,
      interactions: run.interactions,
      parameters: run.parameters,
      evaluation: run.evaluation ?? { skipped: run.evaluation_skipped },
    })
    const duration_ms = await (async () => {
      try {
        await preferences.storeRecommendations(model.id, run.recommendations, run.affinities, run.model_designs)
        await preferences.refreshStatistics()
        const ms = Date.now() - started
        await preferences.updatePreferenceModels({ id: model.id, duration_ms: ms })
        return ms
      } catch (err) {
        // A step's own failure runs no compensation: the half-stored model goes here.
        await preferences.discardModel(model.id)
        throw err
      }
    })()
    const trained: TrainedModel = {
      model_id: model.id,
      customers: run.customers,
      designs: run.designs,
      interactions: run.interactions,
      recommendations: run.recommendations.length,
      duration_ms,
      phases_ms: { read, train, store: duration_ms - read - train },
      evaluation: run.evaluation,
      evaluation_skipped: run.evaluation_skipped,
    }
    return new StepResponse(trained, model.id)
  },
  async (modelId, { container }) => {
    if (modelId) {
      await container.resolve<PreferencesModuleService>(PREFERENCES_MODULE).discardModel(modelId)
    }
  }
)
