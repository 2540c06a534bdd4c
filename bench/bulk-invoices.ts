/**
 * A tax invoice for every loaded order (bulk-customers.ts), for the Tally export's benchmark: each a clone of
 * the demo's first invoice, issued when its order was placed, numbered `BENCH/n` in a series of its own, its PDF
 * left to be made on request (the file worker does not render 300 000 of them). Ids carry "zbulk".
 */
import type { Client } from "pg"

export async function loadBulkInvoices(client: Client): Promise<number> {
  const { rows: done } = await client.query<{ n: string }>("select count(*) as n from tax_document where id like 'tdoc_zbulk%'")
  if (Number(done[0].n) > 0) {
    return Number(done[0].n)
  }
  const { rows: template } = await client.query<{ id: string }>(
    "select id from tax_document where type = 'invoice' and deleted_at is null order by issued_at, id limit 1"
  )
  if (!template.length) {
    return 0
  }
  const { rows: columns } = await client.query<{ column_name: string }>(
    "select column_name from information_schema.columns where table_name = 'tax_document' and table_schema = current_schema() order by ordinal_position"
  )
  const own: Record<string, string> = {
    id: "'tdoc_zbulk' || substr(o.id, 12)",
    number: "'BENCH/' || substr(o.id, 12)",
    series: "'BENCH'",
    sequence: "substr(o.id, 12)::int",
    order_id: "o.id",
    customer_id: "o.customer_id",
    // To the millisecond, as the app issues them (from a JavaScript Date).
    issued_at: "date_trunc('milliseconds', o.created_at)",
    created_at: "o.created_at",
    updated_at: "o.created_at",
    file_id: "null",
    file_status: "'on_request'",
    exchange_id: "null",
    return_id: "null",
    against_id: "null",
  }
  const names = columns.map((c) => c.column_name)
  const { rowCount } = await client.query(
    `insert into tax_document (${names.map((n) => `"${n}"`).join(", ")})
     select ${names.map((n) => own[n] ?? `t."${n}"`).join(", ")}
       from "order" o, tax_document t
      where o.id like 'order_zbulk%' and t.id = $1`,
    [template[0].id]
  )
  await client.query("analyze tax_document")
  return rowCount ?? 0
}
