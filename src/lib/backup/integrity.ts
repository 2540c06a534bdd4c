/**
 * The shop's own integrity checks, run by the restore drill on the database
 * a backup was restored into (docs/operations.md, "The restore drill"): a
 * backup whose rows all load can still hold a shop that does not add up,
 * and this is where it would show. Each check is one query listing what is
 * wrong (nothing, when all is well), so a failure names the rows.
 */
import type { Client } from "pg"

export type IntegrityCheck = {
  name: string
  /** What the check proves when it passes. */
  proves: string
  /** Tables it reads: a shop without them (an older schema) skips the check. */
  tables: string[]
  /** Lists up to 5 rows that break the rule, each as one line of text in column `problem`. */
  sql: string
}

export type IntegrityResult = { name: string; proves: string; ok: boolean; skipped: boolean; problems: string[] }

export const INTEGRITY_CHECKS: IntegrityCheck[] = [
  {
    name: "loyalty ledger",
    proves: "every points account's balance is the sum of its ledger",
    tables: ["loyalty_account", "points_entry"],
    sql: `select 'account ' || a.id || ' (customer ' || a.customer_id || '): balance ' || a.balance || ', ledger ' || coalesce(sum(e.points), 0) as problem
            from loyalty_account a
            left join points_entry e on e.account_id = a.id and e.deleted_at is null
           where a.deleted_at is null
           group by a.id
          having a.balance <> coalesce(sum(e.points), 0)
           limit 5`,
  },
  {
    name: "tax document series",
    proves: "every invoice and credit note series runs 1, 2, 3 … without a gap, up to its counter",
    tables: ["tax_document", "tax_document_counter"],
    sql: `with s as (
            select series, count(*) as issued, min(sequence) as first, max(sequence) as last
              from tax_document where deleted_at is null group by series
          )
          select 'series ' || coalesce(s.series, c.series) || ': ' || coalesce(s.issued, 0) || ' documents numbered '
                 || coalesce(s.first, 0) || '–' || coalesce(s.last, 0) || ', counter at ' || coalesce(c.last_sequence, 0) as problem
            from s full join (select series, last_sequence from tax_document_counter where deleted_at is null) c on c.series = s.series
           where coalesce(s.first, 1) <> 1 or coalesce(s.issued, 0) <> coalesce(s.last, 0) or coalesce(s.last, 0) <> coalesce(c.last_sequence, 0)
           limit 5`,
  },
  {
    name: "invoiced orders",
    proves: "every invoice's order is there, with its lines",
    tables: ["tax_document", "order", "order_item"],
    sql: `select 'invoice ' || d.number || ': order ' || d.order_id || case when o.id is null then ' is missing' else ' has no lines' end as problem
            from tax_document d
            left join "order" o on o.id = d.order_id
           where d.type = 'invoice' and d.deleted_at is null
             and (o.id is null or not exists (select 1 from order_item i where i.order_id = o.id and i.deleted_at is null))
           limit 5`,
  },
  {
    name: "order lines",
    proves: "every order has at least one line",
    tables: ["order", "order_item"],
    sql: `select 'order ' || o.id || ' (#' || o.display_id || ') has no lines' as problem
            from "order" o
           where o.deleted_at is null and not exists (select 1 from order_item i where i.order_id = o.id and i.deleted_at is null)
           limit 5`,
  },
]

/** Runs every check whose tables the database has. */
export async function checkIntegrity(client: Client, checks: IntegrityCheck[] = INTEGRITY_CHECKS): Promise<IntegrityResult[]> {
  const { rows } = await client.query<{ name: string }>(
    "select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'p')"
  )
  const present = new Set(rows.map((r) => r.name))
  const results: IntegrityResult[] = []
  for (const check of checks) {
    if (!check.tables.every((t) => present.has(t))) {
      results.push({ name: check.name, proves: check.proves, ok: true, skipped: true, problems: [] })
      continue
    }
    const found = await client.query<{ problem: string }>(check.sql)
    results.push({ name: check.name, proves: check.proves, ok: found.rows.length === 0, skipped: false, problems: found.rows.map((r) => r.problem) })
  }
  return results
}
