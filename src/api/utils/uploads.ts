import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import multer from "multer"
import { fileSettings } from "../../lib/file-settings"
import { checkUpload, formatBytes, type SniffedType } from "../../lib/file-types"

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

/** What Medusa's own upload routes take: product images and documents, by content. */
const CORE_UPLOAD_TYPES: SniffedType["mime"][] = ["image/jpeg", "image/png", "image/webp", "application/pdf"]

/**
 * After Medusa's own `POST /admin/uploads` has read the files: each must be a
 * JPEG, PNG, WebP or PDF by its content, whatever its name or declared type
 * says (a file of another kind, an HTML page say, is refused with a 400 and
 * nothing is stored); the file is then stored under the type it really is.
 */
export function checkCoreUploads(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const files = ((req as MedusaRequest & { files?: UploadedFile[] }).files ?? []) as UploadedFile[]
  for (const file of files) {
    const type = checkUpload({ bytes: file.buffer, filename: file.originalname }, { allowed: CORE_UPLOAD_TYPES, max_bytes: fileSettings().image_max_bytes })
    file.mimetype = type.mime
  }
  next()
}

/** Presigned uploads (straight to the file store) only for the same types, by the declared type. */
export function checkPresignedUploads(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const mime = (req.body as { mime_type?: unknown } | undefined)?.mime_type
  if (typeof mime === "string" && !CORE_UPLOAD_TYPES.includes(mime as SniffedType["mime"])) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Uploads take JPEG, PNG, WebP and PDF files, not ${mime}`)
  }
  next()
}

/** Medusa's own uploads (the product editor's images): images and PDFs only, by content. */
export const uploadRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/uploads", methods: ["POST"], middlewares: [checkCoreUploads] },
  { matcher: "/admin/uploads/presigned-urls", methods: ["POST"], middlewares: [checkPresignedUploads] },
]
