/**
 * Many rows written with PostgreSQL's `COPY … FROM STDIN` in CSV, inside the
 * entity manager's transaction: a training's two million rows travel as one
 * stream of text, not as hundreds of INSERT statements whose values the
 * entity manager first writes into the SQL text in JavaScript
 * (docs/benchmarks.md, "The preference model on the bench database").
 */
import { once } from "node:events"
import { MedusaError } from "@medusajs/framework/utils"
import { stringify } from "csv-stringify/sync"
import { from as copyFrom, type CopyStreamQuery } from "pg-copy-streams"

type PgConnection = { query(stream: CopyStreamQuery): CopyStreamQuery }

/** What copyRowsIn needs of an entity manager (MikroORM's, as a module's transaction holds it). */
export type TransactionalManager = { getTransactionContext<T>(): T | undefined }

/** Rows turned into CSV text and handed to the connection this many at a time. */
const CHUNK_ROWS = 10_000

/**
 * Writes `rows` (values in the order of `columns`) into `table` on the connection of the manager's transaction,
 * so they are kept or lost with the rest of it. A string is quoted, so an empty one stays empty; null is NULL.
 * Answers how many rows went in.
 */
export async function copyRowsIn(manager: TransactionalManager, table: string, columns: readonly string[], rows: Iterable<readonly unknown[]>): Promise<number> {
  const transaction = manager.getTransactionContext<{ client: { acquireConnection(): Promise<PgConnection> } }>()
  if (!transaction) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `copyRowsIn(${table}) runs inside a transaction`)
  }
  // A transaction's knex client hands out the transaction's own connection.
  const connection = await transaction.client.acquireConnection()
  const stream = connection.query(copyFrom(`copy ${table} (${columns.join(", ")}) from stdin with (format csv)`))
  const finished = new Promise<void>((resolve, reject) => {
    stream.on("finish", resolve)
    stream.on("error", reject)
  })
  // A failure is awaited below; until then it must not count as unhandled.
  finished.catch(() => undefined)
  let chunk: (readonly unknown[])[] = []
  let count = 0
  const flush = async () => {
    if (!chunk.length) {
      return
    }
    const text = stringify(chunk as unknown[][], { quoted_string: true })
    chunk = []
    if (!stream.write(text)) {
      await Promise.race([once(stream, "drain"), finished])
    }
  }
  for (const row of rows) {
    chunk.push(row)
    count++
    if (chunk.length >= CHUNK_ROWS) {
      await flush()
    }
  }
  await flush()
  stream.end()
  await finished
  return count
}
