import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { VARIANT_ATTRIBUTES_LINK_TABLE } from "../utils/catalogue-tables"

export type ImageTarget = {
  product_id: string
  thumbnail: string | null
  image_ids: string[]
  /** The variants of this product the photo shows (the piece with the tag, or those of the design). */
  variant_ids: string[]
}

/**
 * The products (and their variants) a photo belongs to: the piece with a tag
 * code, or every piece of a design code; compared in capitals. Reads only.
 */
export const findImageTargetsStep = createStep("find-image-targets", async ({ by, code }: { by: "tag" | "design"; code: string }, { container }) => {
  const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = (await knex.raw(
    `select pv.id as variant_id, pv.product_id
       from jewelry_attributes ja
       join ${VARIANT_ATTRIBUTES_LINK_TABLE} va on va.jewelry_attributes_id = ja.id and va.deleted_at is null
       join product_variant pv on pv.id = va.product_variant_id and pv.deleted_at is null
      where ja.deleted_at is null and upper(${by === "tag" ? "ja.tag_code" : "ja.design_code"}) = ?
      order by pv.product_id, pv.id`,
    [code.toUpperCase()]
  )) as { rows: { variant_id: string; product_id: string }[] }
  if (!rows.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, by === "tag" ? `No piece has the tag code ${code}` : `No piece has the design code ${code}`)
  }
  const productIds = [...new Set(rows.map((r) => r.product_id))]
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "product",
    fields: ["id", "thumbnail", "images.id"],
    filters: { id: productIds },
  })
  const products = new Map((data as { id: string; thumbnail: string | null; images?: { id: string }[] }[]).map((p) => [p.id, p]))
  return new StepResponse<ImageTarget[]>(
    productIds.map((id) => ({
      product_id: id,
      thumbnail: products.get(id)?.thumbnail ?? null,
      image_ids: (products.get(id)?.images ?? []).map((i) => i.id),
      variant_ids: rows.filter((r) => r.product_id === id).map((r) => r.variant_id),
    }))
  )
})
