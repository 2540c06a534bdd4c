import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import sharp from "sharp"
import { fileSettings } from "../../../lib/file-settings"
import { checkUpload } from "../../../lib/file-types"
import { IMAGE_SIZES, type ImageSize } from "../../../lib/images"

export type Rendition = { content: string; width: number; height: number }
export type Renditions = Record<ImageSize, Rendition>

/**
 * The photo (JPEG, PNG or WebP by its content, at most IMAGE_MAX_MB) turned
 * upright by its EXIF orientation and drawn in three sizes as WebP: the photo
 * (longest side 1600 px) and two thumbnails (600 px and 200 px), never
 * enlarged. Computes only.
 */
export const makeImageRenditionsStep = createStep("make-image-renditions", async ({ filename, content }: { filename: string; content: string }) => {
  const bytes = Buffer.from(content, "base64")
  checkUpload({ bytes, filename }, { allowed: ["image/jpeg", "image/png", "image/webp"], max_bytes: fileSettings().image_max_bytes })
  const renditions = {} as Renditions
  try {
    for (const size of Object.keys(IMAGE_SIZES) as ImageSize[]) {
      const { data, info } = await sharp(bytes, { failOn: "error" })
        .rotate()
        .resize({ width: IMAGE_SIZES[size], height: IMAGE_SIZES[size], fit: "inside", withoutEnlargement: true })
        .webp({ quality: size === "small" ? 75 : 85 })
        .toBuffer({ resolveWithObject: true })
      renditions[size] = { content: data.toString("base64"), width: info.width, height: info.height }
    }
  } catch (e) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${filename} could not be read as an image: ${(e as Error).message}`)
  }
  return new StepResponse(renditions)
})
