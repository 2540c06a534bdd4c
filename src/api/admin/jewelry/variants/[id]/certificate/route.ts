import type { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendCertificate } from "../../../../../utils/files"
import type { CertificateFieldsType } from "../../../validators"
import { attachCertificateWorkflow } from "../../../../../../workflows/jewelry"
import { uploadedFiles } from "../../../../../utils/uploads"

/**
 * POST /admin/jewelry/variants/:id/certificate: a lab certificate for a piece,
 * as multipart/form-data (`file`, and `lab`, `number`). PDF, JPEG or PNG by
 * content, at most CERTIFICATE_MAX_MB; it replaces the piece's earlier one.
 */
export async function POST(req: AuthenticatedMedusaRequest<CertificateFieldsType>, res: MedusaResponse) {
  const [file] = uploadedFiles(req, "file")
  const { result, errors } = await attachCertificateWorkflow(req.scope).run({
    input: {
      variant_id: req.params.id,
      filename: file.originalname,
      content: file.buffer.toString("base64"),
      lab: req.validatedBody.lab ?? null,
      number: req.validatedBody.number ?? null,
      uploaded_by: req.auth_context.actor_id,
    },
    throwOnError: false,
  })
  const error = errors[0]?.error as (Error & { type?: string }) | undefined
  if (error) {
    if (error.type) {
      throw error
    }
    // Not the upload's fault: the file storage did not take it. Nothing was recorded.
    res.status(503).json({ type: "unavailable", message: `The certificate could not be stored now (${error.message || error.name}); nothing was changed, try again shortly` })
    return
  }
  res.status(201).json({ certificate: result })
}

/** GET /admin/jewelry/variants/:id/certificate: the certificate file. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  await sendCertificate(req, res, req.params.id)
}
