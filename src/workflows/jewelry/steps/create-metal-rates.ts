import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { JEWELRY_MODULE } from "../../../modules/jewelry"
import type JewelryModuleService from "../../../modules/jewelry/service"

export type CreateMetalRatesStepInput = {
  metal: "gold" | "silver" | "platinum"
  purity: number
  rate_per_g_paise: number
  branch_id: string | null
  effective_from: Date
  source: string
  set_by: string | null
  note: string | null
  idempotency_key: string | null
}[]

export const createMetalRatesStep = createStep(
  "create-metal-rates",
  async (input: CreateMetalRatesStepInput, { container }) => {
    const jewelry: JewelryModuleService = container.resolve(JEWELRY_MODULE)
    const created = await jewelry.createMetalRates(input)
    return new StepResponse(
      created,
      created.map((rate) => rate.id)
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    // Rates are append-only; a compensated publication is removed entirely.
    const jewelry: JewelryModuleService = container.resolve(JEWELRY_MODULE)
    await jewelry.deleteMetalRates(ids)
  }
)
