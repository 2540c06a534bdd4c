import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ImageTarget } from "./find-image-targets"

/**
 * Ties the new photo of each product to the variants it shows (Medusa's
 * variant images), found by its URL. Compensation unties them.
 */
export const linkImagesToVariantsStep = createStep(
  "link-images-to-variants",
  async ({ url, targets }: { url: string; targets: ImageTarget[] }, { container }) => {
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "product_image",
      fields: ["id", "product_id"],
      filters: { url, product_id: targets.map((t) => t.product_id) },
    })
    const images = data as { id: string; product_id: string }[]
    const links = targets.flatMap((t) => {
      const image = images.find((i) => i.product_id === t.product_id)
      return image ? t.variant_ids.map((variant_id) => ({ image_id: image.id, variant_id })) : []
    })
    if (links.length) {
      await container.resolve(Modules.PRODUCT).addImageToVariant(links)
    }
    return new StepResponse({ image_ids: [...new Set(links.map((l) => l.image_id))], links: links.length }, links)
  },
  async (links, { container }) => {
    if (links?.length) {
      await container.resolve(Modules.PRODUCT).removeImageFromVariant(links)
    }
  }
)
