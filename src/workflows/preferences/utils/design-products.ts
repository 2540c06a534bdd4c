import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { BRANCH_LOCATION_LINK_TABLE, PROFILE_LINK_TABLE, VARIANT_JEWELRY_LINK_TABLE } from "../../../lib/link-tables"
import { pgArray } from "../../../lib/pg-array"

/** The pieces' design codes behind design ids (`design:<code>`; src/lib/preferences/data.ts `designOf`). */
const designCodes = (designIds: string[]) => designIds.filter((d) => d.startsWith("design:")).map((d) => d.slice("design:".length))

export type DesignProduct = { design_id: string; id: string; handle: string; title: string; thumbnail: string | null }

/**
 * The published products that carry each design (src/lib/preferences/data.ts `designOf`: `design:<code>`, the
 * code being the pieces' design code or, without one, their product), in the given sales channels — one read for
 * a whole list. Each design's products in title order.
 */
export async function designProducts(container: MedusaContainer, designIds: string[], salesChannelIds: string[]): Promise<DesignProduct[]> {
  const codes = designCodes(designIds)
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

export type DesignPiece = { design_id: string; variant_id: string; tag_code: string; branch_id: string; branch_code: string; branch_name: string; available: number }

/**
 * The pieces of each design in stock now (available at a branch's stock location), at most `perDesign` a design:
 * those at the customer's home branch first, then the most available. Read when asked, not stored: stock changes
 * with every sale, the model only nightly.
 */
export async function designPiecesInStock(container: MedusaContainer, designIds: string[], customerId: string, perDesign: number): Promise<DesignPiece[]> {
  const codes = designCodes(designIds)
  if (!codes.length) {
    return []
  }
  const db = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = (await db.raw(
    `with home as (
       select p.home_branch_id from ${PROFILE_LINK_TABLE} pl
         join customer_profile p on p.id = pl.customer_profile_id and p.deleted_at is null
        where pl.customer_id = ? and pl.deleted_at is null limit 1)
     select design_id, variant_id, tag_code, branch_id, branch_code, branch_name, available from (
       select 'design:' || coalesce(ja.design_code, v.product_id) as design_id, v.id as variant_id, ja.tag_code,
              b.id as branch_id, b.code as branch_code, b.name as branch_name, (il.stocked_quantity - il.reserved_quantity)::int as available,
              row_number() over (partition by coalesce(ja.design_code, v.product_id)
                                 order by (b.id = (select home_branch_id from home)) is true desc, il.stocked_quantity - il.reserved_quantity desc, ja.tag_code) as n
         from jewelry_attributes ja
         join ${VARIANT_JEWELRY_LINK_TABLE} l on l.jewelry_attributes_id = ja.id and l.deleted_at is null
         join product_variant v on v.id = l.product_variant_id and v.deleted_at is null
         join product_variant_inventory_item pvi on pvi.variant_id = v.id and pvi.deleted_at is null
         join inventory_level il on il.inventory_item_id = pvi.inventory_item_id and il.deleted_at is null
         join ${BRANCH_LOCATION_LINK_TABLE} bsl on bsl.stock_location_id = il.location_id and bsl.deleted_at is null
         join branch b on b.id = bsl.branch_id and b.deleted_at is null
        where ja.deleted_at is null and ja.tag_code is not null
          and coalesce(ja.design_code, v.product_id) = any(?::text[])
          and il.stocked_quantity - il.reserved_quantity > 0
     ) ranked
     where n <= ?
     order by design_id, n`,
    [customerId, pgArray(codes), perDesign]
  )) as { rows: DesignPiece[] }
  return rows
}

/** Where a design can be seen: each branch holding pieces of it, with how many (from `designPiecesInStock`'s rows, in their order). */
export function designAvailability(pieces: DesignPiece[], designId: string): { branch_code: string; branch_name: string; pieces: number }[] {
  const byBranch = new Map<string, { branch_code: string; branch_name: string; pieces: number }>()
  for (const p of pieces.filter((p) => p.design_id === designId)) {
    const at = byBranch.get(p.branch_id) ?? { branch_code: p.branch_code, branch_name: p.branch_name, pieces: 0 }
    at.pieces += p.available
    byBranch.set(p.branch_id, at)
  }
  return [...byBranch.values()]
}
