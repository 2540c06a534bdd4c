import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { BRANCH_LOCATION_LINK_TABLE, PROFILE_LINK_TABLE, VARIANT_JEWELRY_LINK_TABLE } from "../../../lib/link-tables"
import { pgArray } from "../../../lib/pg-array"

/** The pieces' design codes behind design ids (`design:<code>`; src/lib/preferences/data.ts `designOf`). */
const designCodes = (designIds: string[]) => designIds.filter((d) => d.startsWith("design:")).map((d) => d.slice("design:".length))

/**
 * Which designs: named, or a customer's top `count` under the current model — read in the same statement, so a
 * caller need not wait for the customer's list before asking about its designs.
 */
export type DesignsWanted = string[] | { top_of: string; count: number }

/** The designs' codes as a SQL text[] with its bindings; null when a named list holds no design codes. */
function codesOf(designs: DesignsWanted): { sql: string; bindings: (string | number)[] } | null {
  if (Array.isArray(designs)) {
    const codes = designCodes(designs)
    return codes.length ? { sql: "?::text[]", bindings: [pgArray(codes)] } : null
  }
  return {
    sql: `array(select substr(r.design_id, ${"design:".length + 1}) from customer_recommendation r
                 join preference_model m on m.id = r.model_id and m.status = 'current' and m.deleted_at is null
                where r.customer_id = ? and r.deleted_at is null and r.design_id like 'design:%' order by r.rank limit ?)`,
    bindings: [designs.top_of, designs.count],
  }
}

/**
 * The pieces of the designs (codes: a SQL text[], used twice): design id, variant and attributes. A design's code
 * is its pieces' design code or, without one, their product; the two are looked up apart, each by its index,
 * rather than as one computed value that only a scan of every piece could match.
 */
const piecesOfDesigns = (codes: string) => `(
    select 'design:' || ja.design_code as design_id, l.product_variant_id as variant_id, ja.tag_code
      from jewelry_attributes ja
      join ${VARIANT_JEWELRY_LINK_TABLE} l on l.jewelry_attributes_id = ja.id and l.deleted_at is null
     where ja.deleted_at is null and ja.design_code = any(${codes})
    union all
    select 'design:' || v.product_id, v.id, ja.tag_code
      from product_variant v
      join ${VARIANT_JEWELRY_LINK_TABLE} l on l.product_variant_id = v.id and l.deleted_at is null
      join jewelry_attributes ja on ja.id = l.jewelry_attributes_id and ja.deleted_at is null and ja.design_code is null
     where v.deleted_at is null and v.product_id = any(${codes}))`

export type DesignProduct = { design_id: string; id: string; handle: string; title: string; thumbnail: string | null }

/**
 * The published products that carry each design (src/lib/preferences/data.ts `designOf`: `design:<code>`, the
 * code being the pieces' design code or, without one, their product), in the given sales channels — one read for
 * a whole list. Each design's products in title order.
 */
export async function designProducts(container: MedusaContainer, designs: DesignsWanted, salesChannelIds: string[]): Promise<DesignProduct[]> {
  const codes = codesOf(designs)
  if (!codes || !salesChannelIds.length) {
    return []
  }
  const db = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = (await db.raw(
    `select distinct dp.design_id, p.id, p.handle, p.title, p.thumbnail
       from ${piecesOfDesigns(codes.sql)} dp
       join product_variant v on v.id = dp.variant_id and v.deleted_at is null
       join product p on p.id = v.product_id and p.deleted_at is null and p.status = 'published'
      where exists (select 1 from product_sales_channel psc
                     where psc.product_id = p.id and psc.deleted_at is null and psc.sales_channel_id = any(?::text[]))
      order by p.title`,
    [...codes.bindings, ...codes.bindings, pgArray(salesChannelIds)]
  )) as { rows: DesignProduct[] }
  return rows
}

export type DesignPiece = { design_id: string; variant_id: string; tag_code: string; branch_id: string; branch_code: string; branch_name: string; available: number }

/**
 * The pieces of each design in stock now (available at a branch's stock location), at most `perDesign` a design:
 * those at the customer's home branch first, then the most available. Read when asked, not stored: stock changes
 * with every sale, the model only nightly.
 */
export async function designPiecesInStock(container: MedusaContainer, designs: DesignsWanted, customerId: string, perDesign: number): Promise<DesignPiece[]> {
  const codes = codesOf(designs)
  if (!codes) {
    return []
  }
  const db = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = (await db.raw(
    `with home as (
       select p.home_branch_id from ${PROFILE_LINK_TABLE} pl
         join customer_profile p on p.id = pl.customer_profile_id and p.deleted_at is null
        where pl.customer_id = ? and pl.deleted_at is null limit 1)
     select design_id, variant_id, tag_code, branch_id, branch_code, branch_name, available from (
       select dp.design_id, v.id as variant_id, dp.tag_code,
              b.id as branch_id, b.code as branch_code, b.name as branch_name, (il.stocked_quantity - il.reserved_quantity)::int as available,
              row_number() over (partition by dp.design_id
                                 order by (b.id = (select home_branch_id from home)) is true desc, il.stocked_quantity - il.reserved_quantity desc, dp.tag_code) as n
         from ${piecesOfDesigns(codes.sql)} dp
         join product_variant v on v.id = dp.variant_id and v.deleted_at is null
         join product_variant_inventory_item pvi on pvi.variant_id = v.id and pvi.deleted_at is null
         join inventory_level il on il.inventory_item_id = pvi.inventory_item_id and il.deleted_at is null
         join ${BRANCH_LOCATION_LINK_TABLE} bsl on bsl.stock_location_id = il.location_id and bsl.deleted_at is null
         join branch b on b.id = bsl.branch_id and b.deleted_at is null
        where dp.tag_code is not null and il.stocked_quantity - il.reserved_quantity > 0
     ) ranked
     where n <= ?
     order by design_id, n`,
    [customerId, ...codes.bindings, ...codes.bindings, perDesign]
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
