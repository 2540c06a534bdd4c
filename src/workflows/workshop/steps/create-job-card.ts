import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WORKSHOP_MODULE } from "../../../modules/workshop"
import type WorkshopModuleService from "../../../modules/workshop/service"
import type { CreateJobInput } from "../../../modules/workshop/service"

/** Writes the job card received, numbered; withdrawn if a later step fails (its number taken back with it). */
export const createJobCardStep = createStep(
  "create-job-card",
  async (input: CreateJobInput, { container }) => {
    const job = await container.resolve<WorkshopModuleService>(WORKSHOP_MODULE).createJob(input)
    return new StepResponse(job, job.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<WorkshopModuleService>(WORKSHOP_MODULE).discardJob(id)
    }
  }
)
