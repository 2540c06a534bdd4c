import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { factConditions, type SalesReportQuery } from "./sales-report"

export type SalesLine = {
  id: string
  occurred_at: Date
  display_id: number | null
  kind: "sale" | "return"
  branch_id: string | null
  channel: string
  staff_user_id: string | null
  customer_id: string | null
  sku: string | null
  title: string | null
  metal: string | null
  purity: number | null
  category: string | null
  pieces: number
  gross_weight_mg: number
  net_weight_mg: number
  revenue_paise: number
  gst_paise: number
  discount_paise: number
  making_paise: number | null
}

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
    `select f.id, f.occurred_at, o.display_id, f.kind, f.branch_id, f.channel, f.staff_user_id, f.customer_id, v.sku, coalesce(p.title, v.title) as title,
            f.metal, f.purity, f.category, f.pieces, f.gross_weight_mg, f.net_weight_mg, f.revenue_paise, f.gst_paise, f.discount_paise, f.making_paise
       from (select * from sales_fact where ${where} ${after} order by occurred_at, id limit ?) f
       left join "order" o on o.id = f.order_id
       left join product_variant v on v.id = f.variant_id
       left join product p on p.id = v.product_id
      order by f.occurred_at, f.id`,
    [...bindings, ...(cursor ? [cursor.occurred_at.toISOString(), cursor.id] : []), limit]
  )) as { rows: Record<string, unknown>[] }
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v))
  return rows.map((r) => ({
    id: String(r.id),
    occurred_at: new Date(r.occurred_at as string),
    display_id: num(r.display_id),
    kind: r.kind as SalesLine["kind"],
    branch_id: (r.branch_id as string | null) ?? null,
    channel: String(r.channel),
    staff_user_id: (r.staff_user_id as string | null) ?? null,
    customer_id: (r.customer_id as string | null) ?? null,
    sku: (r.sku as string | null) ?? null,
    title: (r.title as string | null) ?? null,
    metal: (r.metal as string | null) ?? null,
    purity: num(r.purity),
    category: (r.category as string | null) ?? null,
    pieces: Number(r.pieces),
    gross_weight_mg: Number(r.gross_weight_mg),
    net_weight_mg: Number(r.net_weight_mg),
    revenue_paise: Number(r.revenue_paise),
    gst_paise: Number(r.gst_paise),
    discount_paise: Number(r.discount_paise),
    making_paise: num(r.making_paise),
  }))
}

/** How many lines a query holds (the download's progress total). */
export async function countSalesLines(db: Knex, q: Omit<SalesReportQuery, "group_by">): Promise<number> {
  const { where, bindings } = factConditions(q)
  const { rows } = (await db.raw(`select count(*)::int as n from sales_fact where ${where}`, bindings)) as { rows: { n: number }[] }
  return rows[0].n
}
