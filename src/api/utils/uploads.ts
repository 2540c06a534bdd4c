import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import multer from "multer"
import { formatBytes } from "../../lib/file-types"

export type UploadedFile = { fieldname: string; originalname: string; mimetype: string; size: number; buffer: Buffer }

/**
 * Reads multipart/form-data uploads (multer, in memory, as Medusa's own
 * /admin/uploads does) with limits, and words its refusals for people: a
 * file over the limit answers 413 naming it, anything else malformed 400.
 */
export function receiveFiles(field: string, { maxFiles, maxBytes }: { maxFiles: number; maxBytes: () => number }) {
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const limit = maxBytes()
    const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: limit, files: maxFiles, fields: 20, fieldSize: 10_000 } })
    const handler = maxFiles === 1 ? upload.single(field) : upload.array(field, maxFiles)
    handler(req as never, res as never, (err?: unknown) => {
      if (!err) {
        return next()
      }
      if (err instanceof multer.MulterError) {
        if (err.code === "LIMIT_FILE_SIZE") {
          res.status(413).json({ type: MedusaError.Types.INVALID_DATA, message: `${err.field ? `A file in "${err.field}"` : "A file"} is larger than the limit of ${formatBytes(limit)}` })
          return
        }
        const messages: Partial<Record<typeof err.code, string>> = {
          LIMIT_FILE_COUNT: `At most ${maxFiles} file${maxFiles > 1 ? "s" : ""} per request`,
          LIMIT_UNEXPECTED_FILE: `Send the file${maxFiles > 1 ? "s" : ""} in the form field "${field}", not "${err.field}"`,
        }
        return next(new MedusaError(MedusaError.Types.INVALID_DATA, messages[err.code] ?? `The upload could not be read: ${err.message}`))
      }
      return next(new MedusaError(MedusaError.Types.INVALID_DATA, `The upload could not be read: ${(err as Error).message}`))
    })
  }
}

/** The files multer read, or a 400 saying how to send them. */
export function uploadedFiles(req: MedusaRequest, field: string): UploadedFile[] {
  const r = req as unknown as { file?: UploadedFile; files?: UploadedFile[] }
  const files = r.files ?? (r.file ? [r.file] : [])
  if (!files.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `No file received: send it as multipart/form-data in the field "${field}"`)
  }
  return files
}
