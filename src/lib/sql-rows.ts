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
