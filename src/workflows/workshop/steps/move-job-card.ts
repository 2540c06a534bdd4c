import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WORKSHOP_MODULE } from "../../../modules/workshop"
import type WorkshopModuleService from "../../../modules/workshop/service"
import type { MoveJobInput } from "../../../modules/workshop/service"

/** Moves a job a step (checked against the one it is at, and its weight at delivery); undone by putting it back. */
export const moveJobCardStep = createStep(
  "move-job-card",
  async (input: MoveJobInput, { container }) => {
    const moved = await container.resolve<WorkshopModuleService>(WORKSHOP_MODULE).moveJob(input)
    return new StepResponse(moved, moved.before)
  },
  async (before, { container }) => {
    if (before) {
      await container.resolve<WorkshopModuleService>(WORKSHOP_MODULE).restoreJob(before)
    }
  }
)
