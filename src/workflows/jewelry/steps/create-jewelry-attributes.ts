import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { JEWELRY_MODULE } from "../../../modules/jewelry"
import type JewelryModuleService from "../../../modules/jewelry/service"
import type { JewelryAttributesInput } from "../utils/attributes-input"

export const createJewelryAttributesStep = createStep(
  "create-jewelry-attributes",
  async (
    items: (JewelryAttributesInput & { breakdown?: Record<string, unknown> | null; priced_at?: Date | null })[],
    { container }
  ) => {
    const jewelry: JewelryModuleService = container.resolve(JEWELRY_MODULE)
    const created = await jewelry.createJewelryAttributes(
      items.map(({ variant_id: _variant, stones, ...attributes }) => ({
        ...attributes,
        stone_weight_mg: attributes.stone_weight_mg ?? 0,
        // A list of stone lines; the DML types json columns as objects.
        stones: (stones ?? []) as unknown as Record<string, unknown>,
      }))
    )
    return new StepResponse(created, created.map((a) => a.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const jewelry: JewelryModuleService = container.resolve(JEWELRY_MODULE)
    await jewelry.deleteJewelryAttributes(ids)
  }
)
