/**
 * What an uploaded file really is, read from its first bytes (its "magic
 * number"), never from its name or the type the browser claims: a .pdf that
 * is really an executable is refused.
 */
import { MedusaError } from "@medusajs/framework/utils"

export type SniffedType = { mime: "application/pdf" | "image/jpeg" | "image/png" | "image/webp"; extension: "pdf" | "jpg" | "png" | "webp" }

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b)

/** The type of a file from its content, or null when it is none we take. */
export function sniffFileType(bytes: Uint8Array): SniffedType | null {
  // "%PDF-" at the very start (readers tolerate junk before it; we do not).
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) {
    return { mime: "application/pdf", extension: "pdf" }
  }
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) {
    return { mime: "image/jpeg", extension: "jpg" }
  }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { mime: "image/png", extension: "png" }
  }
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) {
    return { mime: "image/webp", extension: "webp" }
  }
  return null
}

const NAMES: Record<SniffedType["mime"], string> = {
  "application/pdf": "PDF",
  "image/jpeg": "JPEG",
  "image/png": "PNG",
  "image/webp": "WebP",
}

/** Megabytes as people say them: 10485760 → "10 MB". */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`
}

/**
 * Checks an upload: not empty, within the size limit, and of one of the
 * allowed types by its content. Returns the real type; throws a message
 * staff can act on otherwise.
 */
export function checkUpload(
  { bytes, filename }: { bytes: Uint8Array; filename: string },
  { allowed, max_bytes }: { allowed: SniffedType["mime"][]; max_bytes: number }
): SniffedType {
  if (!bytes.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${filename} is empty`)
  }
  if (bytes.length > max_bytes) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${filename} is ${formatBytes(bytes.length)}; the limit is ${formatBytes(max_bytes)}`)
  }
  const type = sniffFileType(bytes)
  const wanted = allowed.map((m) => NAMES[m]).join(", ")
  if (!type || !allowed.includes(type.mime)) {
    const named = /\.([a-z0-9]+)$/i.exec(filename)?.[1]
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${filename} is not a ${wanted} file${type ? ` (it is a ${NAMES[type.mime]})` : named ? ` whatever its .${named} name says` : ""}`
    )
  }
  return type
}
