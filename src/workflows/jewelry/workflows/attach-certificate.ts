import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { checkCertificateStep, type CertificateUpload } from "../steps/check-certificate"
import { setCertificateStep, type CertificateRecord } from "../steps/set-certificate"
import { storeCertificateFileStep } from "../steps/store-certificate-file"

export type { CertificateRecord, CertificateUpload }

/**
 * A lab certificate for a piece: checked (type from content, size) → stored
 * as a private file → recorded on the piece, replacing (and removing) the
 * one before. A failure removes what was stored.
 */
export const attachCertificateWorkflow = createWorkflow("attach-certificate", (input: CertificateUpload) => {
  const checked = checkCertificateStep(input)
  const file = storeCertificateFileStep(transform({ input, checked }, ({ input, checked }) => ({ content: input.content, tag_code: checked.tag_code, type: checked.type })))
  const certificate = setCertificateStep(
    transform({ input, checked, file }, ({ input, checked, file }) => ({
      attributes_id: checked.attributes_id,
      previous: checked.previous,
      certificate: {
        file_id: file.id,
        filename: input.filename,
        mime_type: checked.type.mime,
        size: checked.size,
        lab: input.lab ?? null,
        number: input.number ?? null,
        uploaded_at: new Date().toISOString(),
        uploaded_by: input.uploaded_by ?? null,
      } satisfies CertificateRecord,
    }))
  )
  return new WorkflowResponse(certificate)
})
