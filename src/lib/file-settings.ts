/**
 * Settings of file storage and documents from the environment
 * (docs/operations.md: S3_*, CERTIFICATE_MAX_MB, IMAGE_MAX_MB,
 * DOCUMENT_LINK_DAYS, INVOICE_RETRY_DAYS), checked so a typo shows at once,
 * not at an upload.
 */
import { MedusaError } from "@medusajs/framework/utils"

export type FileSettings = {
  /** s3 with S3_BUCKET set: private files can be handed out as presigned URLs. */
  provider: "s3" | "local"
  /** How long a presigned S3 URL works (S3_DOWNLOAD_URL_SECONDS, as given to @medusajs/file-s3 in medusa-config.ts). */
  download_url_seconds: number
  certificate_max_bytes: number
  image_max_bytes: number
  /** How long the invoice link in an order message stays valid. */
  document_link_days: number
  /** Orders this recent without an invoice are invoiced by the retry job. */
  invoice_retry_days: number
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]
  const value = raw === undefined || raw === "" ? fallback : Number(raw)
  if (!Number.isFinite(value) || value <= 0) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${name} must be a positive number, got "${raw}"`)
  }
  return value
}

export function fileSettings(env: NodeJS.ProcessEnv = process.env): FileSettings {
  return {
    provider: env.S3_BUCKET ? "s3" : "local",
    download_url_seconds: positive(env, "S3_DOWNLOAD_URL_SECONDS", 300),
    certificate_max_bytes: Math.round(positive(env, "CERTIFICATE_MAX_MB", 10) * 1024 * 1024),
    image_max_bytes: Math.round(positive(env, "IMAGE_MAX_MB", 15) * 1024 * 1024),
    document_link_days: positive(env, "DOCUMENT_LINK_DAYS", 30),
    invoice_retry_days: positive(env, "INVOICE_RETRY_DAYS", 7),
  }
}
