import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { BRANCH_LOCATION_LINK_TABLE, VARIANT_JEWELRY_LINK_TABLE } from "../../../lib/link-tables"
import { pgArray } from "../../../lib/pg-array"
import { AGEING_BUCKETS, DEAD_STOCK_DAYS, type StockGroup } from "../../../lib/stock-valuation"
import { SHOP_TIME_ZONE } from "./sales-report"

export const STOCK_GROUPS = ["total", "branch", "category", "metal", "age"] as const
export type StockGroupBy = (typeof STOCK_GROUPS)[number]

export type StockFilters = { branch_ids?: string[]; metal?: string; purity?: number; category?: string }

/** Days since the piece came into its branch (the stock level's creation), in India's calendar. */
const AGE_DAYS = `((now() at time zone '${SHOP_TIME_ZONE}')::date - (il.created_at at time zone '${SHOP_TIME_ZONE}')::date)`

const bucketCase = `case ${AGEING_BUCKETS.map((b) => (b.to === null ? `else '${b.key}'` : `when ${AGE_DAYS} <= ${b.to} then '${b.key}'`)).join(" ")} end`

const KEY: Record<StockGroupBy, string> = {
  total: "''",
  branch: "bsl.branch_id",
  category: "coalesce(cat.handle, '')",
  metal: "ja.metal || ':' || ja.purity",
  age: bucketCase,
}

/**
 * The jewellery on the shelves: each branch's stock levels of pieces with
 * jewellery attributes (stocked, not yet sold), with their weights, stored
 * prices and how long they have sat. Reads Medusa's inventory, product and
 * link tables and the jewellery attributes in one pass.
 */
function stockFrom(filters: StockFilters): { sql: string; bindings: (string | number)[] } {
  const where = ["il.deleted_at is null", "il.stocked_quantity > 0"]
  const bindings: (string | number)[] = []
  if (filters.branch_ids) {
    where.push("bsl.branch_id = any(?::text[])")
    bindings.push(pgArray(filters.branch_ids))
  }
  if (filters.metal !== undefined) {
    where.push("ja.metal = ?")
    bindings.push(filters.metal)
  }
  if (filters.purity !== undefined) {
    where.push("ja.purity = ?")
    bindings.push(filters.purity)
  }
  if (filters.category !== undefined) {
    where.push("cat.handle = ?")
    bindings.push(filters.category)
  }
  const sql = `from inventory_level il
      join ${BRANCH_LOCATION_LINK_TABLE} bsl on bsl.stock_location_id = il.location_id and bsl.deleted_at is null
      join product_variant_inventory_item pvi on pvi.inventory_item_id = il.inventory_item_id and pvi.deleted_at is null
      join product_variant v on v.id = pvi.variant_id and v.deleted_at is null
      left join product p on p.id = v.product_id
      join ${VARIANT_JEWELRY_LINK_TABLE} vj on vj.product_variant_id = v.id and vj.deleted_at is null
      join jewelry_attributes ja on ja.id = vj.jewelry_attributes_id and ja.deleted_at is null
      left join lateral (select min(pc.handle) as handle from product_category_product pcp
                           join product_category pc on pc.id = pcp.product_category_id and pc.deleted_at is null
                          where pcp.product_id = v.product_id) cat on true
     where ${where.join(" and ")}`
  return { sql, bindings }
}

/** The stock summed per group, branch, metal and purity (what valueStock needs to value it at each branch's rate). */
export async function stockGroups(db: Knex, groupBy: StockGroupBy, filters: StockFilters): Promise<StockGroup[]> {
  const from = stockFrom(filters)
  const { rows } = (await db.raw(
    `select ${KEY[groupBy]} as key, bsl.branch_id, ja.metal, ja.purity,
            sum(il.stocked_quantity)::bigint as pieces,
            sum(ja.gross_weight_mg * il.stocked_quantity)::bigint as gross_weight_mg,
            sum(ja.net_weight_mg * il.stocked_quantity)::bigint as net_weight_mg,
            coalesce(sum((ja.breakdown->>'taxable_value')::bigint * il.stocked_quantity), 0)::bigint as price_paise,
            ${AGEING_BUCKETS.map((b) => `coalesce(sum(il.stocked_quantity) filter (where ${bucketCase} = '${b.key}'), 0)::bigint as "${b.key}"`).join(",\n            ")}
       ${from.sql}
      group by 1, 2, 3, 4
      order by 1, 2, 3, 4`,
    from.bindings
  )) as { rows: Record<string, string | number>[] }
  return rows.map((r) => ({
    key: String(r.key ?? ""),
    branch_id: String(r.branch_id),
    metal: String(r.metal),
    purity: Number(r.purity),
    pieces: Number(r.pieces),
    gross_weight_mg: Number(r.gross_weight_mg),
    net_weight_mg: Number(r.net_weight_mg),
    price_paise: Number(r.price_paise),
    ageing: Object.fromEntries(AGEING_BUCKETS.map((b) => [b.key, Number(r[b.key])])) as StockGroup["ageing"],
  }))
}

export type DeadStockPiece = {
  variant_id: string
  sku: string | null
  title: string
  tag_code: string
  branch_id: string
  metal: string
  purity: number
  net_weight_mg: number
  pieces: number
  price_paise: number | null
  in_stock_since: Date
  days: number
}

/** Pieces in stock for more than a year, oldest first, a page of them and how many there are. */
export async function deadStock(db: Knex, filters: StockFilters, { limit, offset }: { limit: number; offset: number }): Promise<{ pieces: DeadStockPiece[]; count: number }> {
  const from = stockFrom(filters)
  const { rows } = (await db.raw(
    `select v.id as variant_id, v.sku, coalesce(p.title, v.title) as title, ja.tag_code, bsl.branch_id, ja.metal, ja.purity, ja.net_weight_mg,
            il.stocked_quantity::int as pieces, (ja.breakdown->>'taxable_value')::bigint as price_paise, il.created_at as in_stock_since,
            ${AGE_DAYS} as days, count(*) over () as total
       ${from.sql} and ${AGE_DAYS} > ${DEAD_STOCK_DAYS}
      order by il.created_at, v.id
      limit ? offset ?`,
    [...from.bindings, limit, offset]
  )) as { rows: (DeadStockPiece & { total: string })[] }
  return {
    count: rows.length ? Number(rows[0].total) : 0,
    pieces: rows.map((r) => ({
      variant_id: r.variant_id,
      sku: r.sku,
      title: r.title,
      tag_code: r.tag_code,
      branch_id: r.branch_id,
      metal: r.metal,
      purity: Number(r.purity),
      net_weight_mg: Number(r.net_weight_mg),
      pieces: Number(r.pieces),
      price_paise: r.price_paise === null ? null : Number(r.price_paise),
      in_stock_since: new Date(r.in_stock_since),
      days: Number(r.days),
    })),
  }
}
