import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { BRANCH_LOCATION_LINK_TABLE, productCategorySql, VARIANT_JEWELRY_LINK_TABLE } from "../../../lib/link-tables"
import { pgArray } from "../../../lib/pg-array"
import { priceBand } from "../../../lib/preferences/data"
import type { NewPiece } from "../../../lib/preferences/new-arrivals"

export type NewPiecesFilter = { since: Date; until: Date } | { variant_ids: string[] }

/**
 * Pieces in stock that came in between `since` and `until` (their jewellery
 * attributes were recorded then), or the pieces named; each with the branch
 * whose location holds most of it. Pieces in no branch's stock are left out:
 * nobody can be shown them.
 */
export async function readNewPieces(container: MedusaContainer, filter: NewPiecesFilter): Promise<NewPiece[]> {
  const db = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const [where, bindings] =
    "variant_ids" in filter ? ["v.id = any(?::text[])", [pgArray(filter.variant_ids)]] : ["ja.created_at >= ? and ja.created_at < ?", [filter.since, filter.until]]
  const { rows } = (await db.raw(
    `select v.id as variant_id, p.title, ja.tag_code, ja.metal, ja.purity,
            coalesce(${productCategorySql("v.product_id")}, 'uncategorised') as category,
            (ja.breakdown->>'taxable_value')::bigint as price_paise, held.branch_id
       from ${VARIANT_JEWELRY_LINK_TABLE} l
       join product_variant v on v.id = l.product_variant_id and v.deleted_at is null
       join product p on p.id = v.product_id and p.deleted_at is null
       join jewelry_attributes ja on ja.id = l.jewelry_attributes_id and ja.deleted_at is null
       join lateral (
         select bsl.branch_id from product_variant_inventory_item pvi
           join inventory_level il on il.inventory_item_id = pvi.inventory_item_id and il.deleted_at is null
           join ${BRANCH_LOCATION_LINK_TABLE} bsl on bsl.stock_location_id = il.location_id and bsl.deleted_at is null
          where pvi.variant_id = v.id and pvi.deleted_at is null and il.stocked_quantity - il.reserved_quantity > 0
          order by il.stocked_quantity - il.reserved_quantity desc, bsl.branch_id
          limit 1
       ) held on true
      where l.deleted_at is null and ${where}
      order by v.id`,
    bindings
  )) as { rows: { variant_id: string; title: string; tag_code: string | null; metal: string; purity: string | number | null; category: string; price_paise: string | null; branch_id: string }[] }
  return rows.map((r) => ({
    variant_id: r.variant_id,
    title: r.title,
    tag_code: r.tag_code,
    category: r.category,
    metal: r.metal,
    purity: r.purity === null ? null : Number(r.purity),
    band: priceBand(r.price_paise === null ? null : Number(r.price_paise)),
    branch_id: r.branch_id,
  }))
}
