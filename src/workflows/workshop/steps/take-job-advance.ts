import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WORKSHOP_MODULE } from "../../../modules/workshop"
import type WorkshopModuleService from "../../../modules/workshop/service"
import type { TakeAdvanceInput } from "../../../modules/workshop/service"

/** Takes an advance on a job, on its receipt voucher; withdrawn (its number given back) if a later step fails. */
export const takeJobAdvanceStep = createStep(
  "take-job-advance",
  async (input: TakeAdvanceInput, { container }) => {
    const taken = await container.resolve<WorkshopModuleService>(WORKSHOP_MODULE).takeAdvance(input)
    return new StepResponse(taken, taken.created ? taken.payment.id : null)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<WorkshopModuleService>(WORKSHOP_MODULE).discardPayments([id])
    }
  }
)
