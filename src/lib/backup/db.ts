/**
 * What backup and restore read from PostgreSQL's catalogue: the tables of
 * the shop's schemas with their columns and primary keys, the sequences, the
 * migration state and the foreign keys.
 */
import { Client } from "pg"
import { BackupError } from "./errors"
import type { MigrationState, TableSpec } from "./format"

export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`

/**
 * The schemas a backup holds: the shop's (public, Medusa's and ours) and the
 * website CMS's (payload, storefront/payload.config.ts).
 */
export const BACKED_UP_SCHEMAS = ["public", "payload"]

/**
 * A table's or sequence's name as a backup writes it, in SQL over pg_class c
 * and pg_namespace n: "order" in public (as backups always named them),
 * "payload.banners" in another schema.
 */
export const BACKUP_NAME = `case when n.nspname = 'public' then c.relname::text else n.nspname || '.' || c.relname end`

/** A backup's name of a table or sequence, quoted for SQL: "order", "payload"."banners". */
export function relation(name: string): string {
  const dot = name.indexOf(".")
  return dot < 0 ? ident(name) : `${ident(name.slice(0, dot))}.${ident(name.slice(dot + 1))}`
}

/** In SQL over pg_namespace n: the relation is in one of the backed-up schemas. */
export const IN_SCHEMAS = `n.nspname = any('{${BACKED_UP_SCHEMAS.join(",")}}'::text[])`

/** Where a database URL points, without its password, for messages. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url)
    return `${u.hostname}:${u.port || 5432}/${decodeURIComponent(u.pathname.replace(/^\//, ""))}`
  } catch {
    return "(unparsable DATABASE_URL)"
  }
}

/** The same server and login as `url`, another database on it. */
export function databaseUrlFor(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${encodeURIComponent(database)}`
  return u.toString()
}

/** A connection error in one sentence. */
export function explainConnection(err: unknown, url: string): BackupError {
  const e = err as { code?: string; message?: string }
  const where = describeUrl(url)
  switch (e.code) {
    case "ECONNREFUSED":
      return new BackupError(`cannot reach PostgreSQL at ${where}: connection refused (is the server running?)`)
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return new BackupError(`cannot resolve the PostgreSQL host of ${where}`)
    case "3D000":
      return new BackupError(`the database ${where} does not exist`)
    case "28P01":
    case "28000":
      return new BackupError(`PostgreSQL at ${where} refused the login: ${e.message}`)
    default:
      return new BackupError(`cannot use PostgreSQL at ${where}: ${e.message ?? String(err)}`)
  }
}

export async function connect(url: string, applicationName: string): Promise<Client> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000, application_name: applicationName })
  // A connection lost mid-way is reported by the query that was running; this keeps it from crashing the process.
  client.on("error", () => undefined)
  try {
    await client.connect()
  } catch (err) {
    await client.end().catch(() => undefined)
    throw explainConnection(err, url)
  }
  return client
}

/** Ordinary tables of the backed-up schemas, with their columns (generated ones left out: COPY cannot write them) and primary key. */
export async function listTables(client: Client): Promise<TableSpec[]> {
  const { rows } = await client.query<{ name: string; columns: string[]; pk: string[] | null }>(
    `select ${BACKUP_NAME} as name,
            array(select a.attname::text from pg_attribute a
                   where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                   order by a.attnum) as columns,
            (select array(select a.attname::text from unnest(k.conkey) with ordinality as u(attnum, i)
                           join pg_attribute a on a.attrelid = c.oid and a.attnum = u.attnum order by u.i)
               from pg_constraint k where k.conrelid = c.oid and k.contype = 'p') as pk
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where ${IN_SCHEMAS} and c.relkind in ('r', 'p') and not c.relispartition
      order by 1`
  )
  return rows.map((r) => ({ name: r.name, columns: r.columns, order_by: r.pk ?? [] }))
}

export async function listSequences(client: Client): Promise<{ name: string; last_value: string; is_called: boolean }[]> {
  const { rows } = await client.query<{ name: string }>(
    `select ${BACKUP_NAME} as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where ${IN_SCHEMAS} and c.relkind = 'S' order by 1`
  )
  const out: { name: string; last_value: string; is_called: boolean }[] = []
  for (const { name } of rows) {
    const { rows: v } = await client.query<{ last_value: string; is_called: boolean }>(`select last_value::text, is_called from ${relation(name)}`)
    out.push({ name, ...v[0] })
  }
  return out
}

/**
 * What has been applied: Medusa's module migrations, link tables and data
 * scripts, and the website CMS's migrations (sorted names).
 */
export async function readMigrationState(client: Client): Promise<MigrationState> {
  const names = async (table: string, column: string) => {
    const { rows: exists } = await client.query<{ t: string | null }>(`select to_regclass($1)::text as t`, [table.includes(".") ? table : `public.${table}`])
    if (!exists[0].t) {
      return []
    }
    const { rows } = await client.query<{ n: string }>(`select ${ident(column)}::text as n from ${relation(table)} order by 1`)
    return rows.map((r) => r.n)
  }
  return {
    modules: await names("mikro_orm_migrations", "name"),
    links: await names("link_module_migrations", "table_name"),
    scripts: await names("script_migrations", "script_name"),
    cms: await names("payload.payload_migrations", "name"),
  }
}

export async function countPublicTables(client: Client): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    `select count(*)::text as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S')`
  )
  return Number(rows[0].n)
}

export type ForeignKey = { table: string; name: string; definition: string }

export async function listForeignKeys(client: Client): Promise<ForeignKey[]> {
  const { rows } = await client.query<ForeignKey>(
    `select ${BACKUP_NAME} as table, k.conname as name, pg_get_constraintdef(k.oid) as definition
       from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
      where ${IN_SCHEMAS} and k.contype = 'f' order by 1, 2`
  )
  return rows
}

/** Tables of the backed-up schemas with triggers of their own (not the ones PostgreSQL makes for foreign keys). */
export async function listTablesWithTriggers(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select distinct ${BACKUP_NAME} as name from pg_trigger t
       join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
      where ${IN_SCHEMAS} and not t.tgisinternal
      order by 1`
  )
  return rows.map((r) => r.name)
}

/** The SELECT a table is copied with: its columns in order, its rows in primary-key order (for checksums that compare). */
export function copyOutSql(table: TableSpec): string {
  const order = table.order_by.length ? ` order by ${table.order_by.map(ident).join(", ")}` : ""
  return `copy (select ${table.columns.map(ident).join(", ")} from ${relation(table.name)}${order}) to stdout`
}

export function copyInSql(table: TableSpec): string {
  return `copy ${relation(table.name)} (${table.columns.map(ident).join(", ")}) from stdin`
}
