import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { VARIANT_JEWELRY_LINK_TABLE } from "../../../lib/link-tables"
import { pgArray } from "../../../lib/pg-array"

export type DesignProduct = { design_id: string; id: string; handle: string; title: string; thumbnail: string | null }

/**
 * The published products that carry each design (src/lib/preferences/data.ts `designOf`: `design:<code>`, the
 * code being the pieces' design code or, without one, their product), in the given sales channels — one read for
 * a whole list. Each design's products in title order.
 */
export async function designProducts(container: MedusaContainer, designIds: string[], salesChannelIds: string[]): Promise<DesignProduct[]> {
  const codes = designIds.filter((d) => d.startsWith("design:")).map((d) => d.slice("design:".length))
  if (!codes.length || !salesChannelIds.length) {
    return []
  }
  const db = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = (await db.raw(
    `select distinct 'design:' || coalesce(ja.design_code, v.product_id) as design_id, p.id, p.handle, p.title, p.thumbnail
       from jewelry_attributes ja
       join ${VARIANT_JEWELRY_LINK_TABLE} l on l.jewelry_attributes_id = ja.id and l.deleted_at is null
       join product_variant v on v.id = l.product_variant_id and v.deleted_at is null
       join product p on p.id = v.product_id and p.deleted_at is null and p.status = 'published'
      where ja.deleted_at is null
        and coalesce(ja.design_code, v.product_id) = any(?::text[])
        and exists (select 1 from product_sales_channel psc
                     where psc.product_id = p.id and psc.deleted_at is null and psc.sales_channel_id = any(?::text[]))
      order by p.title`,
    [pgArray(codes), pgArray(salesChannelIds)]
  )) as { rows: DesignProduct[] }
  return rows
}
