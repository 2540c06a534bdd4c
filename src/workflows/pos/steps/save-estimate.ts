import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { POS_MODULE } from "../../../modules/pos"
import type PosModuleService from "../../../modules/pos/service"
import type { EstimateFigures } from "./prepare-estimate"

export type SaveEstimateInput = {
  branch_id: string
  branch_code: string
  customer_id: string
  user_id: string | null
  request: Record<string, unknown>
  figures: EstimateFigures
  rates_key: string
}

/** Numbers the estimate in its branch's series and keeps it; undone by deleting it. */
export const saveEstimateStep = createStep(
  "save-estimate",
  async (input: SaveEstimateInput, { container }) => {
    const estimate = await container.resolve<PosModuleService>(POS_MODULE).createEstimate(input)
    return new StepResponse(estimate, estimate.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<PosModuleService>(POS_MODULE).deletePosEstimates(id)
    }
  }
)
