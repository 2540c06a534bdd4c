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
