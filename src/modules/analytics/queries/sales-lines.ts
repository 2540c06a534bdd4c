import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { csvCellSql, type ColumnKind } from "../../../lib/report-export"
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

/** The line export's columns (docs/reports.md, "Exports"): header, kind and value in SQL over `f` (the fact) and its joins. */
export const SALES_LINE_COLUMNS: { header: string; kind: ColumnKind; sql: string }[] = [
  { header: "Date (India)", kind: "text", sql: `to_char(f.occurred_at at time zone 'Asia/Kolkata', 'YYYY-MM-DD HH24:MI')` },
  { header: "Order", kind: "text", sql: `'#' || o.display_id` },
  { header: "Sale or return", kind: "text", sql: `case f.kind when 'sale' then 'Sale' else 'Return' end` },
  { header: "Branch", kind: "text", sql: `case when f.branch_id is null then 'Online (no branch)' else coalesce(b.name, f.branch_id) end` },
  { header: "Channel", kind: "text", sql: `case f.channel when 'counter' then 'Counter' when 'online' then 'Online store' when 'payment_link' then 'Payment link' else f.channel end` },
  {
    header: "Staff member",
    kind: "text",
    sql: `case when f.staff_user_id is null then null else coalesce(nullif(btrim(concat_ws(' ', nullif(u.first_name, ''), nullif(u.last_name, ''))), ''), u.email, f.staff_user_id) end`,
  },
  { header: "Customer id", kind: "text", sql: "f.customer_id" },
  { header: "SKU", kind: "text", sql: "v.sku" },
  { header: "Piece", kind: "text", sql: "coalesce(p.title, v.title)" },
  { header: "Metal", kind: "text", sql: "f.metal" },
  { header: "Purity", kind: "count", sql: "f.purity" },
  { header: "Category", kind: "text", sql: "f.category" },
  { header: "Pieces", kind: "count", sql: "f.pieces" },
  { header: "Gross weight (g)", kind: "grams", sql: "f.gross_weight_mg" },
  { header: "Net weight (g)", kind: "grams", sql: "f.net_weight_mg" },
  { header: "Sales before GST (₹)", kind: "rupees", sql: "f.revenue_paise" },
  { header: "GST (₹)", kind: "rupees", sql: "f.gst_paise" },
  { header: "Discount (₹)", kind: "rupees", sql: "f.discount_paise" },
  { header: "Making charge (₹)", kind: "rupees", sql: "f.making_paise" },
]

/**
 * The line export as one `COPY … TO STDOUT` statement PostgreSQL turns into
 * CSV itself (header, quoting, Indian grouping), in time order: the server
 * only passes the bytes on, so the file costs it no memory whatever its
 * length. COPY takes no parameters: the filters are bound by knex into the
 * statement's text (values it quotes and escapes).
 */
export function salesLinesCopySql(db: Knex, q: Omit<SalesReportQuery, "group_by">): string {
  const { where, bindings } = factConditions(q)
  const select = SALES_LINE_COLUMNS.map((c) => `${csvCellSql(c.kind, c.sql)} as "${c.header.replace(/"/g, '""')}"`).join(",\n            ")
  const query = db
    .raw(
      `select ${select}
         from (select * from sales_fact where ${where}) f
         left join "order" o on o.id = f.order_id
         left join product_variant v on v.id = f.variant_id
         left join product p on p.id = v.product_id
         left join branch b on b.id = f.branch_id
         left join "user" u on u.id = f.staff_user_id
        order by f.occurred_at, f.id`,
      bindings
    )
    .toQuery()
  return `copy (${query}) to stdout with (format csv, header true)`
}
