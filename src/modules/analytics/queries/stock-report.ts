import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { BRANCH_LOCATION_LINK_TABLE, PRODUCT_CATEGORIES_SQL, VARIANT_JEWELRY_LINK_TABLE } from "../../../lib/link-tables"
import { pgArray } from "../../../lib/pg-array"
import { istToday } from "../../../lib/pos"
import { daysBetween } from "../../../lib/savings-schemes"
import { AGEING_BUCKETS, ageingCutoffs, type StockGroup, type StockValue } from "../../../lib/stock-valuation"
import { factConditions } from "./sales-report"

export const STOCK_GROUPS = ["total", "branch", "category", "metal", "age"] as const
export type StockGroupBy = (typeof STOCK_GROUPS)[number]

export type StockFilters = { branch_ids?: string[]; metal?: string; purity?: number; category?: string }

/**
 * Which age bucket a stock level is in, by when it came into the branch
 * against each bucket's first instant (`?` bound in bucket order, the last
 * bucket open): no per-row date arithmetic.
 */
const BUCKET_CASE = `case ${AGEING_BUCKETS.map((b, i) => (i === AGEING_BUCKETS.length - 1 ? `else '${b.key}'` : `when sf.in_stock_since >= ?::timestamptz then '${b.key}'`)).join(" ")} end`

/**
 * The jewellery on the shelves: each branch's stock levels of pieces with
 * jewellery attributes (stocked, not yet sold), with their weights and
 * stored prices. Reads Medusa's inventory and link tables and the jewellery
 * attributes in one pass; the variant row (as `v`) only when its columns or
 * the product's category are asked for. Deleting a variant removes its links
 * (Medusa's deleteProductVariantsWorkflow), so the links' own deleted_at
 * already leaves it out: one join of 100 000 rows fewer.
 */
export function stockFrom(filters: StockFilters, withCategory: boolean, withVariant = withCategory): { sql: string; bindings: (string | number)[] } {
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
  const category =
    withCategory || filters.category !== undefined
      ? `left join ${PRODUCT_CATEGORIES_SQL} cat on cat.product_id = v.product_id`
      : ""
  const variant = withVariant || category ? "join product_variant v on v.id = pvi.variant_id and v.deleted_at is null" : ""
  const sql = `from inventory_level il
      join ${BRANCH_LOCATION_LINK_TABLE} bsl on bsl.stock_location_id = il.location_id and bsl.deleted_at is null
      join product_variant_inventory_item pvi on pvi.inventory_item_id = il.inventory_item_id and pvi.deleted_at is null
      ${variant}
      join ${VARIANT_JEWELRY_LINK_TABLE} vj on vj.product_variant_id = pvi.variant_id and vj.deleted_at is null
      join jewelry_attributes ja on ja.id = vj.jewelry_attributes_id and ja.deleted_at is null
      left join piece_cost pc on pc.variant_id = pvi.variant_id and pc.deleted_at is null
      ${category}
     where ${where.join(" and ")}`
  return { sql, bindings }
}

/**
 * Runs the stock aggregates with 64 MB of work memory: the planner cannot
 * tell that a few dozen groups come out of a hundred thousand stock levels,
 * and at the default 4 MB sorts them on disk instead of hashing them.
 */
export function withWorkMem<T>(db: Knex, run: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  return db.transaction(async (trx) => {
    await trx.raw("set local work_mem = '64MB'")
    return run(trx)
  })
}

export type StockSummary = { groups: StockGroup[]; dead_levels: number }

/**
 * The stock table's rows (models/stock-fact.ts) the filters keep, as `sf`:
 * the report reads this one narrow table, not the five it is made from.
 * The caller brings it up to date first (refreshStockFacts).
 */
function stockFacts(filters: StockFilters): { sql: string; bindings: (string | number)[] } {
  const where = ["sf.deleted_at is null"]
  const bindings: (string | number)[] = []
  if (filters.branch_ids) {
    where.push("sf.branch_id = any(?::text[])")
    bindings.push(pgArray(filters.branch_ids))
  }
  for (const column of ["metal", "purity", "category"] as const) {
    if (filters[column] !== undefined) {
      where.push(`sf.${column} = ?`)
      bindings.push(filters[column]!)
    }
  }
  return { sql: `from stock_fact sf where ${where.join(" and ")}`, bindings }
}

/**
 * The stock summed per group, branch, metal and purity (what valueStock
 * needs to value it at each branch's rate), each group's pieces by age, and
 * how many stock levels are dead stock.
 */
export async function stockGroups(db: Knex, groupBy: StockGroupBy, filters: StockFilters, now = new Date()): Promise<StockSummary> {
  const cutoffs = ageingCutoffs(now).map((c) => c.toISOString())
  const from = stockFacts(filters)
  const key = { total: "''", branch: "sf.branch_id", category: "sf.category", metal: "sf.metal || ':' || sf.purity", age: BUCKET_CASE }[groupBy]
  const { rows } = (await withWorkMem(db, (trx) => trx.raw(
    `select key, branch_id, metal, purity, sum(pieces)::bigint as pieces, sum(gross)::bigint as gross_weight_mg, sum(net)::bigint as net_weight_mg,
            coalesce(sum(price), 0)::bigint as price_paise, coalesce(sum(cost), 0)::bigint as cost_paise, coalesce(sum(pieces) filter (where cost is not null), 0)::bigint as costed_pieces,
            count(*) filter (where bucket = '${AGEING_BUCKETS[AGEING_BUCKETS.length - 1].key}')::int as dead_levels,
            ${AGEING_BUCKETS.map((b) => `coalesce(sum(pieces) filter (where bucket = '${b.key}'), 0)::bigint as "${b.key}"`).join(", ")}
       from (select ${key} as key, sf.branch_id, sf.metal, sf.purity, sf.pieces, sf.gross_weight_mg as gross, sf.net_weight_mg as net,
                    sf.price_paise as price, sf.cost_paise as cost, ${BUCKET_CASE} as bucket
               ${from.sql}) s
      group by 1, 2, 3, 4
      order by 1, 2, 3, 4`,
    [...(groupBy === "age" ? cutoffs : []), ...cutoffs, ...from.bindings]
  ))) as { rows: Record<string, string | number>[] }
  return {
    dead_levels: rows.reduce((n, r) => n + Number(r.dead_levels), 0),
    groups: rows.map((r) => ({
      key: String(r.key ?? ""),
      branch_id: String(r.branch_id),
      metal: String(r.metal),
      purity: Number(r.purity),
      pieces: Number(r.pieces),
      gross_weight_mg: Number(r.gross_weight_mg),
      net_weight_mg: Number(r.net_weight_mg),
      price_paise: Number(r.price_paise),
      cost_paise: Number(r.cost_paise),
      costed_pieces: Number(r.costed_pieces),
      ageing: Object.fromEntries(AGEING_BUCKETS.map((b) => [b.key, Number(r[b.key])])) as StockGroup["ageing"],
    })),
  }
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

/** A page of the pieces in stock for over a year, oldest first (their count comes with stockGroups). */
export async function deadStock(db: Knex, filters: StockFilters, { limit, offset }: { limit: number; offset: number }, now = new Date()): Promise<DeadStockPiece[]> {
  const from = stockFrom(filters, false, true)
  const dead = ageingCutoffs(now)[AGEING_BUCKETS.length - 2]
  const { rows } = (await db.raw(
    `select d.*, coalesce(p.title, d.variant_title) as title
       from (select v.id as variant_id, v.sku, v.title as variant_title, v.product_id, ja.tag_code, bsl.branch_id, ja.metal, ja.purity, ja.net_weight_mg,
                    il.stocked_quantity::int as pieces, (ja.breakdown->>'taxable_value')::bigint as price_paise, il.created_at as in_stock_since
               ${from.sql} and il.created_at < ?::timestamptz
              order by il.created_at, v.id
              limit ? offset ?) d
       left join product p on p.id = d.product_id
      order by d.in_stock_since, d.variant_id`,
    [...from.bindings, dead.toISOString(), limit, offset]
  )) as { rows: (Omit<DeadStockPiece, "days"> & { in_stock_since: string })[] }
  return rows.map((r) => ({
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
    // Whole days in India's calendar from the day the piece came in to today.
    days: daysBetween(istToday(new Date(r.in_stock_since)), istToday(now)),
  }))
}

export const MOVER_GROUPS = ["product", "category"] as const
export type MoverGroup = (typeof MOVER_GROUPS)[number]

export type MoverRow = { key: string; title: string | null; sold: number; revenue_paise: number; in_stock: number; last_sold_at: Date | null }

/**
 * Designs (products) or categories by how they sold in [since, until)
 * beside what is in stock now: the fastest (most pieces sold) and the
 * slowest (in stock, fewest sold, most pieces waiting), `limit` each.
 */
export async function stockMovers(
  db: Knex,
  groupBy: MoverGroup,
  filters: StockFilters,
  { since, until, limit }: { since: Date; until: Date; limit: number }
): Promise<{ fast: MoverRow[]; slow: MoverRow[] }> {
  const stock = stockFacts(filters)
  const sales = factConditions({ from: since, to: until, ...filters })
  const stockKey = groupBy === "category" ? "sf.category" : "sf.product_id"
  const salesKey = groupBy === "category" ? "coalesce(f.category, '')" : "v.product_id"
  const { rows } = (await withWorkMem(db, (trx) => trx.raw(
    `with stock as (
       select ${stockKey} as key, sum(sf.pieces)::bigint as in_stock ${stock.sql} group by 1
     ), sold as (
       select ${salesKey} as key, sum(f.pieces)::bigint as sold, sum(f.revenue_paise)::bigint as revenue_paise, max(f.occurred_at) as last_sold_at
         from (select variant_id, category, pieces, revenue_paise, occurred_at from sales_fact where ${sales.where} and variant_id is not null) f
         join product_variant v on v.id = f.variant_id
        group by 1
     ), movers as (
       select coalesce(stock.key, sold.key) as key, coalesce(stock.in_stock, 0) as in_stock, coalesce(sold.sold, 0) as sold,
              coalesce(sold.revenue_paise, 0) as revenue_paise, sold.last_sold_at
         from stock full join sold on sold.key = stock.key
     ), ranked as (
       (select 'fast' as list, row_number() over (order by sold desc, revenue_paise desc, key) as place, * from movers where sold > 0 order by place limit ?)
       union all
       (select 'slow' as list, row_number() over (order by sold, in_stock desc, key) as place, * from movers where in_stock > 0 order by place limit ?)
     )
     select r.*, ${groupBy === "product" ? "p.title" : "null"} as title
       from ranked r ${groupBy === "product" ? "left join product p on p.id = r.key" : ""}
      order by r.list, r.place`,
    [...stock.bindings, ...sales.bindings, limit, limit]
  ))) as { rows: Record<string, unknown>[] }
  const toRow = (r: Record<string, unknown>): MoverRow => ({
    key: String(r.key ?? ""),
    title: (r.title as string | null) ?? null,
    sold: Number(r.sold),
    revenue_paise: Number(r.revenue_paise),
    in_stock: Number(r.in_stock),
    last_sold_at: r.last_sold_at ? new Date(r.last_sold_at as string) : null,
  })
  const list = (name: string) => rows.filter((r) => r.list === name).map(toRow)
  return { fast: list("fast"), slow: list("slow") }
}

export type StockHistoryDay = StockValue & { day: string; taken_at: Date; dead_pieces: number }

const HISTORY_SUMS = ["pieces", "gross_weight_mg", "net_weight_mg", "metal_value_paise", "unvalued_pieces", "price_paise", "cost_paise", "costed_pieces", "dead_pieces"] as const

/**
 * The daily stock snapshots of a range of India days (both ends included),
 * summed per day over the branches, metal, purity and category asked for.
 * Days with no snapshot are absent.
 */
export async function stockHistory(db: Knex, range: { from: string; to: string }, filters: StockFilters): Promise<StockHistoryDay[]> {
  const where = ["deleted_at is null", "day >= ?", "day <= ?"]
  const bindings: (string | number)[] = [range.from, range.to]
  if (filters.branch_ids) {
    where.push("branch_id = any(?::text[])")
    bindings.push(pgArray(filters.branch_ids))
  }
  for (const [column, value] of [["metal", filters.metal], ["purity", filters.purity], ["category", filters.category]] as const) {
    if (value !== undefined) {
      where.push(`${column} = ?`)
      bindings.push(value)
    }
  }
  const { rows } = (await db.raw(
    `select day, max(taken_at) as taken_at, ${HISTORY_SUMS.map((c) => `coalesce(sum(${c}), 0)::bigint as ${c}`).join(", ")}
       from stock_snapshot where ${where.join(" and ")}
      group by day order by day`,
    bindings
  )) as { rows: Record<string, string | number | Date>[] }
  return rows.map((r) => ({
    day: String(r.day),
    taken_at: new Date(r.taken_at),
    ...(Object.fromEntries(HISTORY_SUMS.map((c) => [c, Number(r[c])])) as Record<(typeof HISTORY_SUMS)[number], number>),
  }))
}
