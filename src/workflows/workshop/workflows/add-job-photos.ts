import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { JobPhotoStage } from "../../../lib/workshop"
import type { AuditEntryInput } from "../../../modules/audit/service"
import { recordAuditStep } from "../../audit/steps/record-audit"
import type { StockActor } from "../../stock/utils/audit-entries"
import { addJobPhotosStep } from "../steps/add-job-photos"
import { storeJobPhotosStep, type JobPhotoUpload } from "../steps/store-job-photos"

/**
 * Photos of a job's article, as it came in or as it goes back: checked by content, stored as private files and
 * kept on the job card (a cancelled job, or more than a job keeps, is refused and the files removed); audited.
 */
export const addJobPhotosWorkflow = createWorkflow(
  "add-job-photos",
  (input: { job_id: string; number: string; stage: JobPhotoStage; uploaded_by: string | null; files: JobPhotoUpload[]; actor: StockActor }) => {
    const photos = storeJobPhotosStep(transform({ input }, ({ input }) => ({ number: input.number, stage: input.stage, uploaded_by: input.uploaded_by, files: input.files })))
    const job = addJobPhotosStep(transform({ input, photos }, ({ input, photos }) => ({ job_id: input.job_id, photos })))
    recordAuditStep({
      entries: transform({ input, job, photos }, ({ input, job, photos }): AuditEntryInput[] => [
        {
          ...input.actor,
          action: "job_card.photos_added",
          entity: "job_card",
          entity_id: job.id,
          branch_id: job.branch_id,
          changes: { photos: { before: job.photos.length - photos.length, after: job.photos.length } },
          metadata: { number: job.number, stage: input.stage, file_ids: photos.map((p) => p.file_id) },
        },
      ]),
    })
    return new WorkflowResponse(job)
  }
)
