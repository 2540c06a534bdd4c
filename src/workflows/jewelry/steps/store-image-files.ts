import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { fileSafe, type ImageSize } from "../../../lib/images"
import type { Renditions } from "./make-image-renditions"

export type StoredImages = Record<ImageSize, { id: string; url: string; width: number; height: number }>

/** Stores the three sizes as public files (product photos are public); compensation removes them. */
export const storeImageFilesStep = createStep(
  "store-image-files",
  async ({ code, renditions }: { code: string; renditions: Renditions }, { container }) => {
    const files = container.resolve(Modules.FILE)
    const sizes = Object.keys(renditions) as ImageSize[]
    const created = await files.createFiles(
      sizes.map((size) => ({ filename: `${fileSafe(code)}-${size}.webp`, mimeType: "image/webp", content: renditions[size].content, access: "public" as const }))
    )
    const stored = Object.fromEntries(
      sizes.map((size, i) => [size, { id: created[i].id, url: created[i].url, width: renditions[size].width, height: renditions[size].height }])
    ) as StoredImages
    return new StepResponse(stored, created.map((f) => f.id))
  },
  async (ids, { container }) => {
    if (ids?.length) {
      await container.resolve(Modules.FILE).deleteFiles(ids)
    }
  }
)
