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
    // One snapshot for every table: the backup is the database as it was at this statement.
    await client.query("begin isolation level repeatable read read only")
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
        const hash = createHash("sha256")
        let rows = 0
        let bytes = 0
        yield recordStart("T", table.name)
        const copy = client.query(copyTo(copyOutSql(table)))
        yield* framed(copy, (chunk) => {
          hash.update(chunk)
          rows += countLines(chunk)
          bytes += chunk.length
        })
        yield RECORD_END
        manifest.tables[table.name] = { rows, bytes, sha256: hash.digest("hex") }
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
