/**
 * The backup file (docs/operations.md, "Backups"):
 *
 *   "JCRMBKP1" | u32 header length | header (JSON, plain) | ciphertext | GCM tag (16 bytes)
 *
 * The header names the salt, IV and key check (crypto.ts) and what made the
 * backup; it is authenticated with the data. The ciphertext is a gzip stream
 * of records, each
 *
 *   u8 kind | u16 name length | name | (u32 length | bytes)* | u32 0
 *
 * in this order: one "S" (start: the backup's description, JSON), one "T" per
 * table (its COPY text, rows in primary-key order), one "F" per stored file
 * ("private/…" or "static/…"), one "E" (end: the manifest of row counts and
 * SHA-256 checksums, JSON). Records are written as they are read from the
 * database, so neither side holds a table in memory.
 */
import { BackupError } from "./errors"

export const MAGIC = Buffer.from("JCRMBKP1", "ascii")
export const FORMAT_VERSION = 1
export const BACKUP_EXTENSION = ".jcrm-backup"

export type FileHeader = {
  format: number
  created_at: string
  app_version: string
  cipher: "aes-256-gcm"
  kdf: "hkdf-sha256"
  compression: "gzip"
  salt: string
  iv: string
  key_check: string
}

export type TableSpec = { name: string; columns: string[]; order_by: string[] }

/** The "S" record: everything a restore checks before it writes. */
export type BackupDescription = {
  app_version: string
  created_at: string
  server_version: string
  /** The snapshot every table was read in (pg_current_snapshot()). */
  snapshot: string
  tables: TableSpec[]
  sequences: { name: string; last_value: string; is_called: boolean }[]
  /** Migration state: Medusa's module migrations, link tables and data scripts, by name. */
  migrations: MigrationState
  /** Which key encrypted the PANs (a hash of PII_ENCRYPTION_KEY), to warn when a restore runs with another. */
  pii_key_check: string | null
  /** Where the shop's files were: "local" ones are in the backup, "s3" ones stay in the bucket. */
  file_provider: "local" | "s3"
}

/** Names of the applied migrations; `cms` (the website CMS's) is absent from backups made before it. */
export type MigrationState = { modules: string[]; links: string[]; scripts: string[]; cms?: string[] }

export type TableEntry = { rows: number; bytes: number; sha256: string }
export type FileEntry = { bytes: number; sha256: string }

/** The "E" record. */
export type Manifest = {
  tables: Record<string, TableEntry>
  files: Record<string, FileEntry>
  finished_at: string
}

export type RecordKind = "S" | "T" | "F" | "E"

export function encodeHeader(header: FileHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), "utf8")
  const length = Buffer.alloc(4)
  length.writeUInt32BE(json.length)
  return Buffer.concat([MAGIC, length, json])
}

/** Reads the header from the start of a file; `bytes` must hold at least the first 64 KiB (or the whole file). */
export function decodeHeader(bytes: Buffer): { header: FileHeader; raw: Buffer } {
  if (bytes.length < MAGIC.length + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new BackupError("not a jewel-crm backup (its first bytes are not JCRMBKP1)")
  }
  const length = bytes.readUInt32BE(MAGIC.length)
  if (length > 60_000) {
    throw new BackupError("the backup's header is damaged (impossible length)")
  }
  const end = MAGIC.length + 4 + length
  if (bytes.length < end) {
    throw new BackupError("the backup is truncated: it ends inside its header")
  }
  let header: FileHeader
  try {
    header = JSON.parse(bytes.subarray(MAGIC.length + 4, end).toString("utf8")) as FileHeader
  } catch {
    throw new BackupError("the backup's header is damaged (not JSON)")
  }
  if (header.format !== FORMAT_VERSION) {
    throw new BackupError(`the backup has format ${header.format}; this version reads format ${FORMAT_VERSION}`)
  }
  if (header.cipher !== "aes-256-gcm" || header.kdf !== "hkdf-sha256" || header.compression !== "gzip") {
    throw new BackupError("the backup's header names a cipher or compression this version does not know")
  }
  return { header, raw: bytes.subarray(0, end) }
}

export function recordStart(kind: RecordKind, name: string): Buffer {
  const nameBytes = Buffer.from(name, "utf8")
  if (nameBytes.length > 0xffff) {
    throw new BackupError(`name too long for a backup record: ${name.slice(0, 80)}…`)
  }
  const head = Buffer.alloc(3)
  head.write(kind, 0, "ascii")
  head.writeUInt16BE(nameBytes.length, 1)
  return Buffer.concat([head, nameBytes])
}

export function frame(data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  return Buffer.concat([length, data])
}

export const RECORD_END = Buffer.alloc(4)

/** A whole record of a few bytes (the start and end records). */
export function smallRecord(kind: RecordKind, name: string, data: Buffer): Buffer {
  return Buffer.concat([recordStart(kind, name), ...(data.length ? [frame(data)] : []), RECORD_END])
}

/**
 * Reads records from a byte stream (the decompressed plaintext):
 * `next()` gives the next record's kind and name, `body()` its bytes chunk
 * by chunk (it must be read to the end before the next `next()`).
 */
export class RecordReader {
  private buffered: Buffer[] = []
  private length = 0
  private done = false
  private readonly source: AsyncIterator<Buffer>

  constructor(source: AsyncIterable<Buffer>) {
    this.source = source[Symbol.asyncIterator]()
  }

  private async fill(n: number): Promise<boolean> {
    while (this.length < n && !this.done) {
      const { value, done } = await this.source.next()
      if (done) {
        this.done = true
      } else if (value.length) {
        this.buffered.push(value)
        this.length += value.length
      }
    }
    return this.length >= n
  }

  private take(n: number): Buffer {
    const all = this.buffered.length === 1 ? this.buffered[0] : Buffer.concat(this.buffered)
    const out = all.subarray(0, n)
    const rest = all.subarray(n)
    this.buffered = rest.length ? [rest] : []
    this.length = rest.length
    return out
  }

  private async read(n: number, what: string): Promise<Buffer> {
    if (!(await this.fill(n))) {
      throw new BackupError(`the backup is truncated: it ends inside ${what}`)
    }
    return this.take(n)
  }

  /** The next record, or null at the end of the stream. */
  async next(): Promise<{ kind: RecordKind; name: string } | null> {
    if (!(await this.fill(1))) {
      return null
    }
    const head = await this.read(3, "a record header")
    const kind = head.toString("ascii", 0, 1)
    if (!"STFE".includes(kind)) {
      throw new BackupError(`the backup is damaged: unknown record kind 0x${head[0].toString(16)}`)
    }
    const name = (await this.read(head.readUInt16BE(1), "a record name")).toString("utf8")
    return { kind: kind as RecordKind, name }
  }

  /** The current record's bytes, in the chunks they were written in. */
  async *body(): AsyncGenerator<Buffer> {
    for (;;) {
      const length = (await this.read(4, "a record")).readUInt32BE(0)
      if (length === 0) {
        return
      }
      // A chunk is at most what a COPY or file read hands over at once; anything bigger is damage.
      if (length > 64 * 1024 * 1024) {
        throw new BackupError("the backup is damaged: impossible chunk length")
      }
      yield await this.read(length, "a record")
    }
  }

  async bodyText(): Promise<string> {
    const parts: Buffer[] = []
    for await (const part of this.body()) {
      parts.push(part)
    }
    return Buffer.concat(parts).toString("utf8")
  }
}

/** Rows in COPY's text format: one line each (a newline inside a value is written as \n). */
export function countLines(chunk: Buffer): number {
  let n = 0
  let at = chunk.indexOf(10)
  while (at !== -1) {
    n++
    at = chunk.indexOf(10, at + 1)
  }
  return n
}

/** A backup's file name: jewel-crm-2026-03-14T01-30-00-000Z.jcrm-backup (sorts by time). */
export function backupName(at: Date): string {
  return `jewel-crm-${at.toISOString().replace(/[:.]/g, "-")}${BACKUP_EXTENSION}`
}

/** The time in a backup's name, or undefined for a name that is not one. */
export function parseBackupName(name: string): Date | undefined {
  const m = /^jewel-crm-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.jcrm-backup$/.exec(name)
  if (!m) {
    return undefined
  }
  const date = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`)
  return Number.isNaN(date.getTime()) ? undefined : date
}
