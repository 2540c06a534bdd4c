import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { WORKSHOP_MODULE } from "../../../../../../modules/workshop"
import type WorkshopModuleService from "../../../../../../modules/workshop/service"
import { sendPrivateFile } from "../../../../../utils/files"

/** GET /admin/job-cards/:id/photos/:file_id — one of the job's photos (a file of another job: 404). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const job = await req.scope.resolve<WorkshopModuleService>(WORKSHOP_MODULE).jobById(req.params.id)
  const photo = job.photos.find((p) => p.file_id === req.params.file_id)
  if (!photo) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Job ${job.number} has no photo "${req.params.file_id}"`)
  }
  await sendPrivateFile(
    req,
    res,
    { file_id: photo.file_id, content_type: photo.mime_type, filename: photo.filename },
    (reason) => `The photo cannot be fetched now (${reason}); try again shortly`
  )
}
