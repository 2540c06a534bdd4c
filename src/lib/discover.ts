import { readdirSync } from "node:fs"
import path from "node:path"

/**
 * The default exports of the source files in `dir` that pass `accept`,
 * sorted by `rank` (100 when unset) and then `id`: how the extension points
 * (customer 360 sections, report sections) find what features dropped in.
 * Works on the TypeScript sources and on the built JavaScript alike.
 */
export function discoverDefaults<T extends { id: string; rank?: number }>(dir: string, accept: (value: unknown) => value is T): T[] {
  return (
    readdirSync(dir)
      .filter((file) => /\.(ts|js)$/.test(file) && !file.endsWith(".d.ts") && !/\.spec\./.test(file))
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      .map((file) => (require(path.join(dir, file)) as { default?: unknown }).default)
      .filter(accept)
      .sort((a, b) => (a.rank ?? 100) - (b.rank ?? 100) || a.id.localeCompare(b.id))
  )
}
