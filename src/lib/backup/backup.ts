/**
 * Taking a backup (docs/operations.md, "Backups"): every table of the public
 * schema copied inside one REPEATABLE READ READ ONLY transaction, so the
 * whole database is read at one point in time while the shop goes on
 * selling; then the local file provider's files. The stream is compressed,
 * encrypted and hashed on its way to a file; nothing is held in memory but
 * the chunk in flight.
 */
import { createHash } from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { Readable, Transform } from "node:stream"
import { pipeline } from "node:stream/promises"
import { createGzip } from "node:zlib"
import type { Client } from "pg"
import { to as copyTo } from "pg-copy-streams"
import { encryptor, keyCheck, newIv, newSalt } from "./crypto"
import { connect, copyOutSql, listSequences, listTables, readMigrationState } from "./db"
import { BackupError } from "./errors"
import { INTERRUPTED_SALE_MINUTES, SALES_DRAIN_TIMEOUT_MS, SALES_GATE_LOCK } from "./sales-gate"
import {
  countLines,
  encodeHeader,
  FORMAT_VERSION,
  frame,
  RECORD_END,
  recordStart,
  smallRecord,
  type BackupDescription,
  type FileHeader,
  type Manifest,
  type TableEntry,
  type TableSpec,
} from "./format"

/** Folders of the local file provider, by the name their files carry in the backup ("private/…", "static/…"). */
export type FileRoots = Record<string, string>

export type BackupInput = {
  databaseUrl: string
  key: Buffer
  appVersion: string
  /** Folders whose files go into the backup (empty when the files live in S3). */
  fileRoots: FileRoots
  fileProvider: "local" | "s3"
  piiKeyCheck: string | null
  /** Where the encrypted file is written. */
  outFile: string
  now?: Date
  /** Told each table and file as it starts; awaited, so a caller may hold the backup there (the tests do). */
  progress?: (step: string) => void | Promise<void>
}

export type BackupResult = {
  file: string
  bytes: number
  sha256: string
  description: BackupDescription
  manifest: Manifest
  seconds: number
  /** Anything the caller should tell (counter sales the backup could not wait for). */
  notes: string[]
}

/** Session-level advisory lock that keeps two backups of one database from running at once. */
const BACKUP_LOCK = 7_302_118_401

const CHUNK = 256 * 1024

/** Gathers small COPY chunks into frames of about CHUNK bytes. */
async function* framed(source: AsyncIterable<Buffer>, onChunk: (chunk: Buffer) => void): AsyncGenerator<Buffer> {
  let parts: Buffer[] = []
  let size = 0
  for await (const chunk of source) {
    onChunk(chunk)
    parts.push(chunk)
    size += chunk.length
    if (size >= CHUNK) {
      yield frame(Buffer.concat(parts))
      parts = []
      size = 0
    }
  }
  if (size) {
    yield frame(Buffer.concat(parts))
  }
}

/** A table's row count, size and SHA-256 as its COPY text streams past: what the manifest keeps and the drill compares. */
export function tableDigest(): { add: (chunk: Buffer) => void; entry: () => TableEntry } {
  const hash = createHash("sha256")
  let rows = 0
  let bytes = 0
  return {
    add: (chunk) => {
      hash.update(chunk)
      rows += countLines(chunk)
      bytes += chunk.length
    },
    entry: () => ({ rows, bytes, sha256: hash.digest("hex") }),
  }
}

/** A table's digest read from the database (in the order a backup reads it). */
export async function digestTable(client: Client, table: TableSpec): Promise<TableEntry> {
  const digest = tableDigest()
  for await (const chunk of client.query(copyTo(copyOutSql(table)))) {
    digest.add(chunk as Buffer)
  }
  return digest.entry()
}

/** Counter sales claimed and not yet finished, as the current snapshot sees them (0 for a shop without the table). */
async function salesUnderWay(client: Client): Promise<number> {
  const { rows } = await client.query<{ n: string | null }>(
    `select case when to_regclass('public.pos_sale') is null then 0
            else (select count(*) from pos_sale where status = 'processing' and deleted_at is null
                   and created_at > now() - make_interval(mins => $1)) end::text as n`,
    [INTERRUPTED_SALE_MINUTES]
  )
  return Number(rows[0].n ?? 0)
}

/**
 * Begins the snapshot transaction at a moment when no counter sale is half
 * made (src/lib/backup/sales-gate.ts): the gate is closed, the snapshot
 * retaken until the sales under way have finished, then the gate opens.
 * Answers how many were still under way when the wait ran out (normally 0).
 */
async function beginSnapshot(client: Client): Promise<number> {
  await client.query("select pg_advisory_lock($1)", [SALES_GATE_LOCK])
  const until = Date.now() + SALES_DRAIN_TIMEOUT_MS
  try {
    for (;;) {
      await client.query("begin isolation level repeatable read read only")
      const underWay = await salesUnderWay(client)
      if (!underWay || Date.now() > until) {
        return underWay
      }
      await client.query("rollback")
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  } catch (err) {
    await client.query("rollback").catch(() => undefined)
    throw err
  } finally {
    await client.query("select pg_advisory_unlock($1)", [SALES_GATE_LOCK]).catch(() => undefined)
  }
}

function listFiles(root: string): string[] {
  if (!fs.existsSync(root)) {
    return []
  }
  const out: string[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        walk(full)
      } else if (entry.isFile()) {
        out.push(path.relative(root, full).split(path.sep).join("/"))
      }
    }
  }
  walk(root)
  return out
}

async function describe(client: Client, input: BackupInput, createdAt: Date): Promise<BackupDescription> {
  const { rows } = await client.query<{ v: string; snapshot: string }>(
    "select current_setting('server_version') as v, pg_current_snapshot()::text as snapshot"
  )
  return {
    app_version: input.appVersion,
    created_at: createdAt.toISOString(),
    server_version: rows[0].v,
    snapshot: rows[0].snapshot,
    tables: await listTables(client),
    sequences: await listSequences(client),
    migrations: await readMigrationState(client),
    pii_key_check: input.piiKeyCheck,
    file_provider: input.fileProvider,
  }
}

export async function takeBackup(input: BackupInput): Promise<BackupResult> {
  const started = Date.now()
  const createdAt = input.now ?? new Date()
  const progress = input.progress ?? (() => undefined)
  const client = await connect(input.databaseUrl, "jewel-crm backup")
  try {
    const { rows: lock } = await client.query<{ ok: boolean }>("select pg_try_advisory_lock($1) as ok", [BACKUP_LOCK])
    if (!lock[0].ok) {
      throw new BackupError("another backup of this database is running; try again when it has finished")
    }
    // One snapshot for every table: the backup is the database as it was at this moment, with no counter sale half made.
    const unfinishedSales = await beginSnapshot(client)
    const description = await describe(client, input, createdAt)
    if (!description.tables.length) {
      throw new BackupError("the database has no tables yet: there is nothing to back up (run `npm start` once first)")
    }
    const manifest: Manifest = { tables: {}, files: {}, finished_at: "" }

    const salt = newSalt()
    const iv = newIv()
    const header: FileHeader = {
      format: FORMAT_VERSION,
      created_at: description.created_at,
      app_version: input.appVersion,
      cipher: "aes-256-gcm",
      kdf: "hkdf-sha256",
      compression: "gzip",
      salt: salt.toString("base64"),
      iv: iv.toString("base64"),
      key_check: keyCheck(input.key, salt),
    }
    const headerBytes = encodeHeader(header)
    const cipher = encryptor(input.key, salt, iv, headerBytes)

    async function* records(): AsyncGenerator<Buffer> {
      yield smallRecord("S", "", Buffer.from(JSON.stringify(description), "utf8"))
      for (const table of description.tables) {
        await progress(`table ${table.name}`)
        const digest = tableDigest()
        yield recordStart("T", table.name)
        yield* framed(client.query(copyTo(copyOutSql(table))), digest.add)
        yield RECORD_END
        manifest.tables[table.name] = digest.entry()
      }
      // The data is read: end the transaction before the files, which can take a while.
      await client.query("commit")
      for (const [rootName, root] of Object.entries(input.fileRoots)) {
        for (const rel of listFiles(root)) {
          const name = `${rootName}/${rel}`
          await progress(`file ${name}`)
          const hash = createHash("sha256")
          let bytes = 0
          yield recordStart("F", name)
          yield* framed(fs.createReadStream(path.join(root, rel), { highWaterMark: CHUNK }), (chunk) => {
            hash.update(chunk)
            bytes += chunk.length
          })
          yield RECORD_END
          manifest.files[name] = { bytes, sha256: hash.digest("hex") }
        }
      }
      manifest.finished_at = new Date().toISOString()
      yield smallRecord("E", "", Buffer.from(JSON.stringify(manifest), "utf8"))
    }

    const fileHash = createHash("sha256").update(headerBytes)
    let size = headerBytes.length
    const hashing = new Transform({
      transform(chunk: Buffer, _enc, done) {
        fileHash.update(chunk)
        size += chunk.length
        done(null, chunk)
      },
    })
    fs.mkdirSync(path.dirname(input.outFile), { recursive: true, mode: 0o700 })
    fs.writeFileSync(input.outFile, headerBytes, { mode: 0o600 })
    await pipeline(Readable.from(records()), createGzip(), cipher, hashing, fs.createWriteStream(input.outFile, { flags: "a" }))
    const tag = cipher.getAuthTag()
    fs.appendFileSync(input.outFile, tag)
    fileHash.update(tag)
    size += tag.length
    return {
      file: input.outFile,
      bytes: size,
      sha256: fileHash.digest("hex"),
      description,
      manifest,
      seconds: (Date.now() - started) / 1000,
      notes: unfinishedSales
        ? [`${unfinishedSales} counter sale(s) were still being made after ${SALES_DRAIN_TIMEOUT_MS / 1000} s; the backup holds them as far as they had got`]
        : [],
    }
  } catch (err) {
    fs.rmSync(input.outFile, { force: true })
    if (err instanceof BackupError) {
      throw err
    }
    throw new BackupError(`the backup failed: ${(err as Error).message}`)
  } finally {
    await client.end().catch(() => undefined)
  }
}
