import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { fileSettings } from "../../../lib/file-settings"
import { checkUpload, type SniffedType } from "../../../lib/file-types"

export type CertificateUpload = {
  variant_id: string
  filename: string
  /** The file, base64. */
  content: string
  lab?: string | null
  number?: string | null
  uploaded_by?: string | null
}

export type CheckedCertificate = {
  attributes_id: string
  tag_code: string
  previous: Record<string, unknown> | null
  type: SniffedType
  size: number
}

/**
 * The variant must be a piece, and the file a PDF, JPEG or PNG by its content
 * (not its name), not empty and within CERTIFICATE_MAX_MB. Reads only.
 */
export const checkCertificateStep = createStep("check-certificate", async (input: CertificateUpload, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_variant",
    fields: ["id", "jewelry_attributes.id", "jewelry_attributes.tag_code", "jewelry_attributes.certificate"],
    filters: { id: input.variant_id },
  })
  const attributes = (data[0] as { jewelry_attributes?: { id: string; tag_code: string; certificate: Record<string, unknown> | null } | null } | undefined)
    ?.jewelry_attributes
  if (!attributes) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Variant "${input.variant_id}" is not a piece of jewellery (it has no jewelry attributes)`)
  }
  const bytes = Buffer.from(input.content, "base64")
  const type = checkUpload(
    { bytes, filename: input.filename },
    { allowed: ["application/pdf", "image/jpeg", "image/png"], max_bytes: fileSettings().certificate_max_bytes }
  )
  return new StepResponse<CheckedCertificate>({ attributes_id: attributes.id, tag_code: attributes.tag_code, previous: attributes.certificate, type, size: bytes.length })
})
