import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { pgArray } from "../../../lib/pg-array"
import { stockFrom, withWorkMem } from "./stock-report"

/** The log the stock triggers note changed inventory items in (src/migration-scripts/stock-fact-triggers.ts). */
export const STOCK_FACT_CHANGES = "stock_fact_change"

/** A log entry meaning every item: the whole table is written afresh. */
export const ALL_STOCK = "*"

/**
 * Above this many changed items in one go (a repricing, a bulk intake) the
 * whole table is written afresh: one pass over the stock rather than a
 * lookup per item.
 */
const REBUILD_ABOVE = 20_000

/** Holders of the stock table take turns on this lock (refreshes and rebuilds). */
const STOCK_FACT_LOCK = `select pg_advisory_xact_lock(hashtextextended('stock_fact', 13))`

const BIG = ["gross_weight_mg", "net_weight_mg", "price_paise", "cost_paise"] as const

/**
 * Writes the stock table's rows of the given inventory items (every item
 * when none is given) afresh from the inventory, link and jewellery tables:
 * their rows as they were deleted, then each stock level in stock at a
 * branch, its pieces, weights, price and cost in all. Medusa's big numbers
 * keep an exact copy beside the column (raw_…). Answers the rows written.
 */
async function rewriteStockFacts(trx: Knex.Transaction, items?: string[]): Promise<number> {
  if (items) {
    await trx.raw(`delete from stock_fact where inventory_item_id = any(?::text[])`, [pgArray(items)])
  } else {
    await trx.raw(`delete from stock_fact`)
  }
  const from = stockFrom({}, true, true)
  const only = items ? ` and il.inventory_item_id = any(?::text[])` : ""
  const { rowCount } = (await trx.raw(
    `insert into stock_fact (id, inventory_level_id, inventory_item_id, variant_id, product_id, branch_id, category, metal, purity, tag_code, pieces,
                             in_stock_since, ${BIG.join(", ")}, ${BIG.map((c) => `raw_${c}`).join(", ")})
     select s.*, ${BIG.map((c) => `case when ${c} is null then null else jsonb_build_object('value', ${c}::text, 'precision', 20) end`).join(", ")}
       from (select il.id || ':' || pvi.variant_id, il.id, il.inventory_item_id, pvi.variant_id, v.product_id, bsl.branch_id, coalesce(cat.handle, ''),
                    ja.metal, ja.purity, ja.tag_code, il.stocked_quantity::int, il.created_at,
                    ja.gross_weight_mg * il.stocked_quantity as gross_weight_mg, ja.net_weight_mg * il.stocked_quantity as net_weight_mg,
                    (ja.breakdown->>'taxable_value')::bigint * il.stocked_quantity as price_paise, pc.cost_paise * il.stocked_quantity as cost_paise
               ${from.sql}${only}) s`,
    [...from.bindings, ...(items ? [pgArray(items)] : [])]
  )) as { rowCount: number }
  return rowCount
}

/**
 * Brings the stock table up to date before a report reads it: the rows of
 * every inventory item the log names are written afresh and the log entries
 * taken, in one transaction (a failure leaves both as they were). Entries
 * noted while this runs stay for the next reader. Answers how many items
 * were brought up to date (0 when nothing changed: one short statement).
 */
export async function refreshStockFacts(db: Knex): Promise<number> {
  return withWorkMem(db, async (trx) => {
    await trx.raw(STOCK_FACT_LOCK)
    const { rows } = (await trx.raw(`delete from ${STOCK_FACT_CHANGES} returning inventory_item_id`)) as { rows: { inventory_item_id: string }[] }
    if (!rows.length) {
      return 0
    }
    const items = [...new Set(rows.map((r) => r.inventory_item_id))]
    await rewriteStockFacts(trx, items.includes(ALL_STOCK) || items.length > REBUILD_ABOVE ? undefined : items)
    return items.length
  })
}

/**
 * The whole stock table written afresh from the stock as it is (the nightly
 * job's): whatever the log could not see (a table changed outside the
 * triggers' reach) is put right. Idempotent; answers the rows written.
 */
export async function rebuildStockFacts(db: Knex): Promise<number> {
  return withWorkMem(db, async (trx) => {
    await trx.raw(STOCK_FACT_LOCK)
    await trx.raw(`delete from ${STOCK_FACT_CHANGES}`)
    return rewriteStockFacts(trx)
  })
}
