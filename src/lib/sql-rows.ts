import { pgArray } from "./pg-array"

/**
 * Rows read as JSON (row_to_json, json_agg) or with a window count: the
 * shape the ORM's entities would have given them.
 */

/** A row read as JSON with its timestamps (the columns ending in `_at`) back as dates: JSON gives them as text. */
export function withDates<T extends object>(row: T): T {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, k.endsWith("_at") && typeof v === "string" ? new Date(v) : v])) as T
}

/** A page read with `count(*) over () as total`: the rows without that column, and the count (0 for an empty page). */
export function pageWithTotal<T>(rows: (T & { total: string | number })[]): { rows: T[]; count: number } {
  return { rows: rows.map(({ total: _total, ...row }) => row as unknown as T), count: Number(rows[0]?.total ?? 0) }
}

/** What boundRaw needs of an entity manager (MikroORM's, as a module's shared context holds it). */
type KnexManager = {
  getKnex(): { raw(sql: string, bindings: readonly unknown[]): { transacting(trx: unknown): unknown } & PromiseLike<{ rows: unknown[] }> }
  getTransactionContext<T>(): T | undefined
}

/**
 * A statement through the manager's knex, in its transaction when it has
 * one, with the values as bind parameters: the entity manager's execute()
 * writes every value into the SQL text in JavaScript first, which for a
 * batch's megabyte of JSON costs more than the statement itself
 * (docs/benchmarks.md). Answers the rows.
 */
export async function boundRaw<T = Record<string, unknown>>(manager: KnexManager, sql: string, bindings: readonly unknown[] = []): Promise<T[]> {
  const query = manager.getKnex().raw(sql, bindings)
  const transaction = manager.getTransactionContext<unknown>()
  const result = (await (transaction ? (query.transacting(transaction) as PromiseLike<{ rows: unknown[] }>) : query)) as { rows: T[] }
  return result.rows
}

/** SQL conditions and their bind values, in order. */
export type Conditions = { where: string[]; values: (string | number | Date)[] }

/**
 * A row's time as a keyset page's `after` must pass it back: to the microsecond, as text. A JavaScript Date
 * keeps milliseconds, so a page started after a rounded-down time reads the rows of that instant again, for ever.
 */
export const pageKeySql = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`

/**
 * The conditions that pick a period's rows for an export read in keyset
 * pages: live rows (`deleted_at` of `alias`) with `at` in [from, to) — or
 * [from, to] when the period is India days given as text — of the branches
 * given (all when not), and, for a page after the first, after the last row
 * of the page before in (`at`, id) order. `also` are further conditions
 * without values. Columns are named with `alias` (a table alias, or "").
 */
export function periodConditions({
  alias = "",
  at,
  from,
  to,
  to_inclusive = false,
  branch_ids,
  branch_alias = alias,
  after,
  also = [],
}: {
  alias?: string
  at: string
  from: Date | string
  to: Date | string
  to_inclusive?: boolean
  branch_ids?: string[]
  /** The alias of the table whose branch_id the branches filter (the card's, for its instalments). */
  branch_alias?: string
  after?: { at: Date | string; id: string } | null
  also?: string[]
}): Conditions {
  const col = (name: string, of = alias) => (of ? `${of}.${name}` : name)
  const where = [`${col("deleted_at")} is null`, ...also, `${col(at)} >= ?`, `${col(at)} ${to_inclusive ? "<=" : "<"} ?`]
  const values: (string | number | Date)[] = [from, to]
  if (branch_ids) {
    where.push(`${col("branch_id", branch_alias)} = any(?::text[])`)
    values.push(pgArray(branch_ids))
  }
  if (after) {
    where.push(`(${col(at)}, ${col("id")}) > (?, ?)`)
    values.push(after.at, after.id)
  }
  return { where, values }
}
