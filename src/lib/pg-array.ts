/**
 * A PostgreSQL array literal ('{"a","b",NULL}') to bind as one parameter
 * with a cast (`?::text[]`). The modules' raw SQL runs through MikroORM,
 * which writes a bound JavaScript array out as a comma list, so whole
 * batches travel as one literal instead.
 */
export function pgArray(values: readonly (string | number | null | undefined)[]): string {
  return `{${values
    .map((v) => (v === null || v === undefined ? "NULL" : `"${String(v).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`))
    .join(",")}}`
}
