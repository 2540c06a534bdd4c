/**
 * Product photos uploaded in bulk: which piece or design a file is for (its
 * name), and the sizes kept of each (the photo itself and two thumbnails).
 */
import { MedusaError } from "@medusajs/framework/utils"

/** Longest side in pixels; never enlarged. */
export const IMAGE_SIZES = { large: 1600, medium: 600, small: 200 } as const
export type ImageSize = keyof typeof IMAGE_SIZES

/**
 * The code a photo's file name stands for: "SGJ-RING-22K-7.jpg" → SGJ-RING-22K-7;
 * a second photo of the same piece is "SGJ-RING-22K-7__2.jpg" (two
 * underscores, as tag codes may end in -1, -2 …). Codes are compared in capitals.
 */
export function imageCodeFromFilename(filename: string): { code: string; position: number } {
  const base = filename.replace(/^.*[\\/]/, "").replace(/\.[A-Za-z0-9]{2,5}$/, "").trim()
  const match = /^(.*?)(?:__(\d{1,3}))?$/.exec(base)!
  const code = match[1].trim().toUpperCase()
  if (!code) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `"${filename}" does not name a tag or design code; name photos like SGJ-RING-22K-7.jpg or SGJ-RING-22K-7__2.jpg`)
  }
  return { code, position: match[2] ? Number(match[2]) : 1 }
}

/** A code as it may appear in a stored file's name: letters, digits, - and _. */
export function fileSafe(code: string): string {
  return code.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "") || "file"
}
