import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { fileSafe } from "../../../lib/images"
import type { SniffedType } from "../../../lib/file-types"

/** Stores the certificate as a private file; compensation removes it. */
export const storeCertificateFileStep = createStep(
  "store-certificate-file",
  async ({ content, tag_code, type }: { content: string; tag_code: string; type: SniffedType }, { container }) => {
    const file = await container.resolve(Modules.FILE).createFiles({
      filename: `certificate-${fileSafe(tag_code)}.${type.extension}`,
      mimeType: type.mime,
      content,
      access: "private",
    })
    return new StepResponse(file, file.id)
  },
  async (fileId, { container }) => {
    if (fileId) {
      await container.resolve(Modules.FILE).deleteFiles(fileId)
    }
  }
)
