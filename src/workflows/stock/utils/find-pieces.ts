import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { pieceDescription } from "../../../lib/design-products"
import { VARIANT_JEWELRY_LINK_TABLE } from "../../../lib/link-tables"
import { pgArray } from "../../../lib/pg-array"
import { normalTag } from "../../../lib/stock-moves"

/** A piece as the catalogue has it, found by its tag: what a transfer's or a memo's line records. */
export type FoundPiece = {
  tag_code: string
  variant_id: string
  inventory_item_id: string
  description: string
  hsn: string
  huid: string | null
  net_weight_mg: number
  /** Today's tax-exclusive price of one piece (the last repricing's breakdown), when it has one. */
  value_paise: number | null
}

/**
 * The pieces with these tags (compared as scanned: trimmed, any case), read in one statement across the
 * catalogue's tables. A variant with a kit of several inventory items is taken by its first, as the stock
 * audit does; a tag without an inventory item is left out.
 */
export async function findPiecesByTag(container: MedusaContainer, tags: string[]): Promise<FoundPiece[]> {
  const db = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = (await db.raw(
    `select ja.tag_code, vj.product_variant_id as variant_id,
            (select pvi.inventory_item_id from product_variant_inventory_item pvi
              where pvi.variant_id = vj.product_variant_id and pvi.deleted_at is null order by pvi.inventory_item_id limit 1) as inventory_item_id,
            p.title as product_title, v.title as variant_title,
            ja.hsn, ja.huid, ja.net_weight_mg, (ja.breakdown->>'taxable_value')::bigint as value_paise
       from jewelry_attributes ja
       join ${VARIANT_JEWELRY_LINK_TABLE} vj on vj.jewelry_attributes_id = ja.id and vj.deleted_at is null
       join product_variant v on v.id = vj.product_variant_id and v.deleted_at is null
       join product p on p.id = v.product_id and p.deleted_at is null
      where upper(ja.tag_code) = any(?::text[]) and ja.deleted_at is null`,
    [pgArray(tags.map(normalTag))]
  )) as { rows: (Omit<FoundPiece, "value_paise" | "description"> & { product_title: string; variant_title: string | null; value_paise: string | null })[] }
  return rows
    .filter((r) => r.inventory_item_id)
    .map(({ product_title, variant_title, ...r }) => ({
      ...r,
      description: pieceDescription(product_title, variant_title),
      net_weight_mg: Number(r.net_weight_mg),
      value_paise: r.value_paise === null ? null : Number(r.value_paise),
    }))
}
