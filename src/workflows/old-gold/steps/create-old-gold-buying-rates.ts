import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OLD_GOLD_MODULE } from "../../../modules/old-gold"
import type OldGoldModuleService from "../../../modules/old-gold/service"

export type CreateBuyingRatesStepInput = {
  metal: "gold" | "silver" | "platinum"
  purity: number
  rate_per_g_paise: number
  branch_id: string | null
  effective_from: Date
  user_id: string | null
}[]

export const createOldGoldBuyingRatesStep = createStep(
  "create-old-gold-buying-rates",
  async (input: CreateBuyingRatesStepInput, { container }) => {
    const oldGold: OldGoldModuleService = container.resolve(OLD_GOLD_MODULE)
    const created = await oldGold.createOldGoldBuyingRates(input)
    return new StepResponse(created, created.map((r) => r.id))
  },
  async (ids, { container }) => {
    if (ids?.length) {
      // Rates are append-only history; a compensated publication is removed entirely.
      const oldGold: OldGoldModuleService = container.resolve(OLD_GOLD_MODULE)
      await oldGold.deleteOldGoldBuyingRates(ids)
    }
  }
)
