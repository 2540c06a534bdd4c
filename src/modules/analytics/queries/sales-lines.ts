import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { factFromRow, type StoredFact } from "./fact-rows"
import { factConditions, type SalesReportQuery } from "./sales-report"

/** A fact with what the file names it by: the order's number, the piece's SKU and title. */
export type SalesLine = StoredFact & { display_id: number | null; sku: string | null; title: string | null }

/** Where the previous page ended: the last line's time and id. */
export type LinesCursor = { occurred_at: Date; id: string }

/**
 * A page of the sales facts behind a report, in time order, after `cursor`
 * (keyset paging on the (occurred_at, id) order: each page an index range,
 * however deep), with the order's number and the piece's SKU and title.
 */
export async function salesLinesPage(db: Knex, q: Omit<SalesReportQuery, "group_by">, cursor: LinesCursor | null, limit: number): Promise<SalesLine[]> {
  const { where, bindings } = factConditions(q)
  const after = cursor ? "and (occurred_at, id) > (?::timestamptz, ?)" : ""
  const { rows } = (await db.raw(
    `select f.id, f.order_id, f.item_id, f.source_id, f.kind, f.occurred_at, f.customer_id, f.branch_id, f.channel, f.staff_user_id, f.variant_id,
            f.metal, f.purity, f.category, f.pieces, f.bill, f.gross_weight_mg, f.net_weight_mg, f.revenue_paise, f.gst_paise, f.discount_paise, f.making_paise,
            o.display_id, v.sku, coalesce(p.title, v.title) as title
       from (select * from sales_fact where ${where} ${after} order by occurred_at, id limit ?) f
       left join "order" o on o.id = f.order_id
       left join product_variant v on v.id = f.variant_id
       left join product p on p.id = v.product_id
      order by f.occurred_at, f.id`,
    [...bindings, ...(cursor ? [cursor.occurred_at.toISOString(), cursor.id] : []), limit]
  )) as { rows: Record<string, unknown>[] }
  return rows.map((r) => ({
    ...factFromRow(r),
    display_id: r.display_id === null || r.display_id === undefined ? null : Number(r.display_id),
    sku: (r.sku as string | null) ?? null,
    title: (r.title as string | null) ?? null,
  }))
}

/** How many lines a query holds (the download's progress total). */
export async function countSalesLines(db: Knex, q: Omit<SalesReportQuery, "group_by">): Promise<number> {
  const { where, bindings } = factConditions(q)
  const { rows } = (await db.raw(`select count(*)::int as n from sales_fact where ${where}`, bindings)) as { rows: { n: number }[] }
  return rows[0].n
}
