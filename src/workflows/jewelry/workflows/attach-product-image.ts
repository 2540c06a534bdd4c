import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateProductsWorkflow } from "@medusajs/medusa/core-flows"
import { findImageTargetsStep } from "../steps/find-image-targets"
import { linkImagesToVariantsStep } from "../steps/link-images-to-variants"
import { makeImageRenditionsStep } from "../steps/make-image-renditions"
import { storeImageFilesStep } from "../steps/store-image-files"

export type AttachProductImageInput = {
  by: "tag" | "design"
  code: string
  filename: string
  /** The photo, base64. */
  content: string
}

/**
 * One product photo by tag or design code: the products it belongs to → the
 * photo and its two thumbnails (sharp) → stored as public files → added to
 * each product's images (Medusa's update-products workflow; the medium
 * thumbnail becomes the product's thumbnail if it had none) → tied to the
 * variants it shows. A failure removes what was stored.
 */
export const attachProductImageWorkflow = createWorkflow("attach-product-image", (input: AttachProductImageInput) => {
  const targets = findImageTargetsStep(transform({ input }, ({ input }) => ({ by: input.by, code: input.code })))
  const renditions = makeImageRenditionsStep(transform({ input }, ({ input }) => ({ filename: input.filename, content: input.content })))
  const stored = storeImageFilesStep(transform({ input, renditions }, ({ input, renditions }) => ({ code: input.code, renditions })))
  updateProductsWorkflow.runAsStep({
    input: transform({ input, targets, stored }, ({ input, targets, stored }) => ({
      products: targets.map((t) => ({
        id: t.product_id,
        images: [
          ...t.image_ids.map((id) => ({ id })),
          {
            url: stored.large.url,
            metadata: {
              thumbnail_medium: stored.medium.url,
              thumbnail_small: stored.small.url,
              width: stored.large.width,
              height: stored.large.height,
              source: { by: input.by, code: input.code, filename: input.filename },
            },
          },
        ],
        ...(t.thumbnail ? {} : { thumbnail: stored.medium.url }),
      })),
    })),
  })
  const linked = linkImagesToVariantsStep(transform({ targets, stored }, ({ targets, stored }) => ({ url: stored.large.url, targets })))
  return new WorkflowResponse(
    transform({ targets, stored, linked }, ({ targets, stored, linked }) => ({
      product_ids: targets.map((t) => t.product_id),
      variant_ids: targets.flatMap((t) => t.variant_ids),
      image_ids: linked.image_ids,
      urls: { large: stored.large.url, medium: stored.medium.url, small: stored.small.url },
      sizes: { large: [stored.large.width, stored.large.height], medium: [stored.medium.width, stored.medium.height], small: [stored.small.width, stored.small.height] },
    }))
  )
})
