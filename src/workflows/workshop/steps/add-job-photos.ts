import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { JobPhoto } from "../../../lib/workshop"
import { WORKSHOP_MODULE } from "../../../modules/workshop"
import type WorkshopModuleService from "../../../modules/workshop/service"

/** Keeps the stored photos on the job (under its row lock, within the most a job keeps); taken off again if a later step fails. */
export const addJobPhotosStep = createStep(
  "add-job-photos",
  async (input: { job_id: string; photos: JobPhoto[] }, { container }) => {
    const job = await container.resolve<WorkshopModuleService>(WORKSHOP_MODULE).addPhotos(input.job_id, input.photos)
    return new StepResponse(job, { job_id: input.job_id, file_ids: input.photos.map((p) => p.file_id) })
  },
  async (added, { container }) => {
    if (added) {
      await container.resolve<WorkshopModuleService>(WORKSHOP_MODULE).removePhotos(added.job_id, added.file_ids)
    }
  }
)
