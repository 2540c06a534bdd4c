import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { VARIANT_JEWELRY_LINK_TABLE } from "../lib/link-tables"

/**
 * One piece per tag (docs/counter.md, "One piece per tag"), for catalogues made before the rule: a tag without
 * a HUID that holds more than one article in stock is goods sold by count, as its stock already shows, and is
 * marked so. A hallmarked tag holding more stays a piece — a HUID is one article — and is named in the log, to
 * be given a tag per article. Runs once, at `medusa db:migrate`.
 */
export default async function onePiecePerTag({ container }: { container: MedusaContainer }) {
  const db = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const held = `(select ja.id, ja.tag_code, ja.huid, sum(il.stocked_quantity) as in_stock
       from jewelry_attributes ja
       join ${VARIANT_JEWELRY_LINK_TABLE} vj on vj.jewelry_attributes_id = ja.id and vj.deleted_at is null
       join product_variant_inventory_item pvi on pvi.variant_id = vj.product_variant_id and pvi.deleted_at is null
       join inventory_level il on il.inventory_item_id = pvi.inventory_item_id and il.deleted_at is null
      where ja.deleted_at is null and ja.stock_unit = 'piece'
      group by ja.id, ja.tag_code, ja.huid having sum(il.stocked_quantity) > 1)`
  const counted = await db.raw(`update jewelry_attributes set stock_unit = 'count', updated_at = now() where id in (select id from ${held} h where h.huid is null)`)
  if (counted.rowCount) {
    logger.info(`One piece per tag: ${counted.rowCount} tags without a HUID holding several articles are now goods sold by count`)
  }
  const { rows } = (await db.raw(`select tag_code, in_stock::int as in_stock from ${held} h order by tag_code`)) as { rows: { tag_code: string; in_stock: number }[] }
  if (rows.length) {
    logger.warn(
      `One piece per tag: ${rows.length} hallmarked tags hold more than one article (${rows.slice(0, 20).map((r) => `${r.tag_code} × ${r.in_stock}`).join(", ")}${rows.length > 20 ? ", …" : ""}); ` +
        "split each into its articles, a tag and HUID each: POST /admin/jewelry/tags/:code/split (docs/counter.md, \"One piece per tag\")"
    )
  }
}
