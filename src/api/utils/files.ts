import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { certificateOf } from "../../modules/jewelry/queries/certificates"

/**
 * Sends a private file from the file module through an authenticated route.
 * When the file storage cannot be reached, answers 503 with `unavailable`'s
 * words instead of a bare 500.
 */
export async function sendPrivateFile(
  req: MedusaRequest,
  res: MedusaResponse,
  { file_id, content_type, filename }: { file_id: string; content_type: string; filename: string },
  unavailable: (reason: string) => string
) {
  let bytes: Buffer
  try {
    bytes = await req.scope.resolve(Modules.FILE).getAsBuffer(file_id)
  } catch (e) {
    res.status(503).json({ type: "unavailable", message: unavailable((e as Error).message || (e as Error).name) })
    return
  }
  res
    .status(200)
    .set({
      "content-type": content_type,
      "content-length": String(bytes.length),
      "content-disposition": `attachment; filename="${filename.replace(/["\\\r\n]/g, "_")}"`,
      "cache-control": "private, no-store",
    })
    .end(bytes)
}

/** A variant's certificate file (404 when it has none). */
export async function sendCertificate(req: MedusaRequest, res: MedusaResponse, variantId: string) {
  const { certificate, tag_code } = await certificateOf(req.scope, variantId)
  const extension = certificate.mime_type === "application/pdf" ? "pdf" : certificate.mime_type === "image/png" ? "png" : "jpg"
  await sendPrivateFile(
    req,
    res,
    { file_id: certificate.file_id, content_type: certificate.mime_type, filename: `certificate-${tag_code}.${extension}` },
    (reason) => `The certificate of ${tag_code} cannot be fetched now (${reason}); try again shortly`
  )
}
