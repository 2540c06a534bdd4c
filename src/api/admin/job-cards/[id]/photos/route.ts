import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WORKSHOP_MODULE } from "../../../../../modules/workshop"
import type WorkshopModuleService from "../../../../../modules/workshop/service"
import { addJobPhotosWorkflow } from "../../../../../workflows/workshop"
import { auditActor } from "../../../../utils/audit"
import { uploadedFiles } from "../../../../utils/uploads"
import { jobViews } from "../../helpers"
import type { JobPhotoFieldsType } from "../../validators"

/**
 * POST /admin/job-cards/:id/photos — photos of the article as multipart/form-data (`files`, up to 6 a request, and
 * `stage`: in or out): JPEG, PNG or WebP by content, at most IMAGE_MAX_MB each, 12 a job. Stored as private files;
 * 201 with the job and its photos. Another kind of file 400 naming it; a cancelled job or one more than 12 409;
 * the file storage unreachable 503, nothing kept.
 */
export async function POST(req: AuthenticatedMedusaRequest<JobPhotoFieldsType>, res: MedusaResponse) {
  const files = uploadedFiles(req, "files")
  const job = await req.scope.resolve<WorkshopModuleService>(WORKSHOP_MODULE).jobById(req.params.id)
  const { result, errors } = await addJobPhotosWorkflow(req.scope).run({
    input: {
      job_id: job.id,
      number: job.number,
      stage: req.validatedBody.stage,
      uploaded_by: req.auth_context?.actor_id ?? null,
      files: files.map((f) => ({ filename: f.originalname, content: f.buffer.toString("base64") })),
      actor: auditActor(req),
    },
    throwOnError: false,
  })
  const error = errors[0]?.error as (Error & { type?: string }) | undefined
  if (error) {
    if (error.type) {
      throw error
    }
    // Not the upload's fault: the file storage did not take the photos. Nothing was kept.
    res.status(503).json({ type: "unavailable", message: `The photos could not be stored now (${error.message || error.name}); nothing was changed, try again shortly` })
    return
  }
  res.status(201).json({ job: (await jobViews(req.scope, [result]))[0] })
}
