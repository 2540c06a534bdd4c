import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { fileSettings } from "../../../lib/file-settings"
import { checkUpload } from "../../../lib/file-types"
import { fileSafe } from "../../../lib/images"
import type { JobPhoto, JobPhotoStage } from "../../../lib/workshop"

export type JobPhotoUpload = { filename: string; content: string }

/**
 * Checks each photo by its content (JPEG, PNG or WebP, within IMAGE_MAX_MB; 400 naming the file otherwise,
 * nothing stored) and stores them as private files; compensation removes them.
 */
export const storeJobPhotosStep = createStep(
  "store-job-photos",
  async (input: { number: string; stage: JobPhotoStage; uploaded_by: string | null; files: JobPhotoUpload[] }, { container }) => {
    const checked = input.files.map((f) => ({
      ...f,
      type: checkUpload({ bytes: Buffer.from(f.content, "base64"), filename: f.filename }, { allowed: ["image/jpeg", "image/png", "image/webp"], max_bytes: fileSettings().image_max_bytes }),
    }))
    const files = container.resolve(Modules.FILE)
    const stored = await files.createFiles(
      checked.map((f, i) => ({ filename: `job-${fileSafe(input.number)}-${input.stage}-${i + 1}.${f.type.extension}`, mimeType: f.type.mime, content: f.content, access: "private" as const }))
    )
    const at = new Date().toISOString()
    const photos: JobPhoto[] = stored.map((file, i) => ({ file_id: file.id, mime_type: checked[i].type.mime, filename: checked[i].filename, stage: input.stage, uploaded_at: at, uploaded_by: input.uploaded_by }))
    return new StepResponse(photos, stored.map((f) => f.id))
  },
  async (ids, { container }) => {
    if (ids?.length) {
      await container.resolve(Modules.FILE).deleteFiles(ids)
    }
  }
)
