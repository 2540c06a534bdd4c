/**
 * Reading a backup back (docs/operations.md, "Restore"): `verifyBackup` reads
 * the whole file, checking the key, every table's row count and SHA-256
 * against the manifest, and the GCM tag, without writing anything;
 * `loadBackup` then fills an empty, migrated database in one transaction
 * (foreign keys dropped and re-created around the load, sequences set
 * after) and commits only once the tag has been checked again, so a file
 * changed between the two reads cannot leave half a shop behind.
 */
import { createHash } from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { once } from "node:events"
import { pipeline } from "node:stream/promises"
import { createGunzip } from "node:zlib"
import type { Client } from "pg"
import { from as copyFrom } from "pg-copy-streams"
import { decryptor, keyCheck, TAG_BYTES } from "./crypto"
import { BACKUP_NAME, copyInSql, ident, IN_SCHEMAS, listForeignKeys, listTablesWithTriggers, relation } from "./db"
import { BackupError } from "./errors"
import { countLines, decodeHeader, RecordReader, type BackupDescription, type FileHeader, type Manifest, type MigrationState } from "./format"

export type OpenedBackup = { file: string; header: FileHeader; headerBytes: Buffer; size: number }

/** Reads and checks the header, and that `key` is the backup's key. */
export function openBackup(file: string, key: Buffer): OpenedBackup {
  let fd: number
  try {
    fd = fs.openSync(file, "r")
  } catch (err) {
    const code = (err as { code?: string }).code
    throw new BackupError(code === "ENOENT" ? `no backup file at ${file}` : `cannot read ${file}: ${(err as Error).message}`)
  }
  try {
    const size = fs.fstatSync(fd).size
    const start = Buffer.alloc(Math.min(size, 64 * 1024))
    fs.readSync(fd, start, 0, start.length, 0)
    const { header, raw } = decodeHeader(start)
    if (size < raw.length + TAG_BYTES) {
      throw new BackupError("the backup is truncated: it ends before its authentication tag")
    }
    if (keyCheck(key, Buffer.from(header.salt, "base64")) !== header.key_check) {
      throw new BackupError("wrong key: this backup was made with another BACKUP_ENCRYPTION_KEY")
    }
    return { file, header, headerBytes: raw, size }
  } finally {
    fs.closeSync(fd)
  }
}

function readTag(opened: OpenedBackup): Buffer {
  const fd = fs.openSync(opened.file, "r")
  try {
    const tag = Buffer.alloc(TAG_BYTES)
    fs.readSync(fd, tag, 0, TAG_BYTES, opened.size - TAG_BYTES)
    return tag
  } finally {
    fs.closeSync(fd)
  }
}

type Visitor = {
  start?: (description: BackupDescription) => Promise<void>
  table?: (name: string, body: AsyncGenerator<Buffer>) => Promise<void>
  file?: (name: string, body: AsyncGenerator<Buffer>) => Promise<void>
}

/**
 * Streams the plaintext records through `visit`, checking each table's and
 * file's bytes against the manifest; throws a BackupError naming the first
 * problem. The GCM tag is checked when the stream ends, before this returns.
 */
async function readRecords(opened: OpenedBackup, key: Buffer, visit: Visitor): Promise<{ description: BackupDescription; manifest: Manifest }> {
  const decipher = decryptor(key, Buffer.from(opened.header.salt, "base64"), Buffer.from(opened.header.iv, "base64"), opened.headerBytes, readTag(opened))
  let description: BackupDescription | undefined
  let manifest: Manifest | undefined
  const seen: Record<string, { rows: number; bytes: number; sha256: string }> = {}
  try {
    await pipeline(
      fs.createReadStream(opened.file, { start: opened.headerBytes.length, end: opened.size - TAG_BYTES - 1, highWaterMark: 256 * 1024 }),
      decipher,
      createGunzip(),
      async (source: AsyncIterable<Buffer>) => {
        const reader = new RecordReader(source)
        for (;;) {
          const record = await reader.next()
          if (!record) {
            break
          }
          if (record.kind === "S") {
            description = JSON.parse(await reader.bodyText()) as BackupDescription
            await visit.start?.(description)
            continue
          }
          if (record.kind === "E") {
            manifest = JSON.parse(await reader.bodyText()) as Manifest
            continue
          }
          if (!description || manifest) {
            throw new BackupError("the backup is damaged: records out of order")
          }
          const hash = createHash("sha256")
          const counted = { rows: 0, bytes: 0 }
          const kind = record.kind
          async function* checked(): AsyncGenerator<Buffer> {
            for await (const chunk of reader.body()) {
              hash.update(chunk)
              counted.bytes += chunk.length
              if (kind === "T") {
                counted.rows += countLines(chunk)
              }
              yield chunk
            }
          }
          const body = checked()
          const handler = kind === "T" ? visit.table : visit.file
          if (handler) {
            await handler(record.name, body)
          }
          // Whatever the handler left unread is read here, so the checksum covers the whole record.
          for await (const chunk of body) {
            void chunk
          }
          seen[`${kind}:${record.name}`] = { ...counted, sha256: hash.digest("hex") }
        }
      }
    )
  } catch (err) {
    if (err instanceof BackupError) {
      throw err
    }
    const message = (err as Error).message ?? String(err)
    if (/unable to authenticate|auth/i.test(message)) {
      throw new BackupError("the backup failed authentication: it was changed or damaged after it was written")
    }
    if (/unexpected end|truncat/i.test(message)) {
      throw new BackupError("the backup is truncated")
    }
    throw new BackupError(`the backup is damaged (${message}); it was changed or corrupted after it was written`)
  }
  if (!description || !manifest) {
    throw new BackupError("the backup is truncated: its manifest is missing")
  }
  for (const table of description.tables) {
    const want = manifest.tables[table.name]
    const got = seen[`T:${table.name}`]
    if (!want || !got || want.rows !== got.rows || want.sha256 !== got.sha256) {
      throw new BackupError(`the backup is damaged: table ${table.name} does not match its manifest entry`)
    }
  }
  for (const [name, want] of Object.entries(manifest.files)) {
    const got = seen[`F:${name}`]
    if (!got || got.sha256 !== want.sha256 || got.bytes !== want.bytes) {
      throw new BackupError(`the backup is damaged: file ${name} does not match its manifest entry`)
    }
  }
  return { description, manifest }
}

/** Reads the whole backup and checks it; writes nothing. */
export function verifyBackup(opened: OpenedBackup, key: Buffer): Promise<{ description: BackupDescription; manifest: Manifest }> {
  return readRecords(opened, key, {})
}

function difference(a: string[], b: string[]): string[] {
  const left = new Map<string, number>()
  a.forEach((x) => left.set(x, (left.get(x) ?? 0) + 1))
  b.forEach((x) => left.set(x, (left.get(x) ?? 0) - 1))
  return [...left.entries()].filter(([, n]) => n > 0).map(([x]) => x)
}

/**
 * Data scripts of this code the backup's shop had not run yet: they run on
 * the restored data (a second `db:migrate` after the load), as they would
 * have on the shop itself at its next start.
 */
export function scriptsToRun(backup: MigrationState, code: MigrationState): string[] {
  return difference(code.scripts, backup.scripts)
}

/**
 * Why the code's migration state (read from the migrated target) cannot take
 * the backup's data, or undefined. The schema must match exactly: a table
 * shaped by a migration the backup never saw would take its rows wrongly.
 */
export function migrationMismatch(backup: MigrationState, code: MigrationState, backupVersion: string, codeVersion: string): string | undefined {
  const parts: string[] = []
  for (const kind of ["modules", "links", "scripts", "cms"] as const) {
    const inBackup = backup[kind] ?? []
    const onlyBackup = difference(inBackup, code[kind] ?? [])
    // Data scripts newer than the backup run at the next start; a backup without the CMS's tables (made before it, or
    // of a shop that never started the storefront) leaves them as the migrations made them, and the CMS's first
    // start fills them.
    const onlyCode = kind === "scripts" || (kind === "cms" && !inBackup.length) ? [] : difference(code[kind] ?? [], inBackup)
    if (onlyBackup.length) {
      parts.push(`${onlyBackup.length} ${kind} migration(s) this code does not have (${onlyBackup.slice(0, 3).join(", ")})`)
    }
    if (onlyCode.length) {
      parts.push(`${onlyCode.length} ${kind} migration(s) newer than the backup (${onlyCode.slice(0, 3).join(", ")})`)
    }
  }
  if (!parts.length) {
    return undefined
  }
  return (
    `the backup's schema (app ${backupVersion}) differs from this code's (app ${codeVersion}): ${parts.join("; ")}. ` +
    `Restore with the app version that made the backup, then upgrade`
  )
}

/** 1.2.10 > 1.2.9; anything unparsable compares equal. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.+-]/).slice(0, 3).map(Number)
  const pb = b.split(/[.+-]/).slice(0, 3).map(Number)
  for (let i = 0; i < 3; i++) {
    if (!Number.isFinite(pa[i]) || !Number.isFinite(pb[i])) {
      return 0
    }
    if (pa[i] !== pb[i]) {
      return pa[i] - pb[i]
    }
  }
  return 0
}

export type LoadResult = { tables: number; rows: number; files: number }

/**
 * Loads a verified backup into a migrated database in one transaction, and
 * its files into `fileRoots` (written under a temporary name, moved into
 * place after the commit). `client` must be connected to the target.
 */
export async function loadBackup(
  opened: OpenedBackup,
  key: Buffer,
  client: Client,
  fileRoots: Record<string, string>,
  progress: (step: string) => void = () => undefined
): Promise<LoadResult> {
  const staged: { from: string; to: string }[] = []
  let rows = 0
  let tables = 0
  let description: BackupDescription | undefined
  let triggered: string[] = []
  await client.query("begin")
  try {
    const foreignKeys = await listForeignKeys(client)
    await readRecords(opened, key, {
      start: async (d) => {
        description = d
        // Rows the migrations wrote (their own bookkeeping, defaults) make way for the backup's.
        const present = await client.query<{ name: string }>(
          `select name from (select ${BACKUP_NAME} as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where ${IN_SCHEMAS} and c.relkind in ('r', 'p')) t where name = any($1::text[])`,
          [d.tables.map((t) => t.name)]
        )
        const missing = d.tables.map((t) => t.name).filter((t) => !present.rows.some((r) => r.name === t))
        if (missing.length) {
          throw new BackupError(`the database lacks tables the backup has (${missing.slice(0, 5).join(", ")}); it does not match the backup's schema`)
        }
        // Foreign keys are put back after the load (and checked then), so the tables load in any order.
        for (const fk of foreignKeys) {
          await client.query(`alter table ${relation(fk.table)} drop constraint ${ident(fk.name)}`)
        }
        if (d.tables.length) {
          await client.query(`truncate ${d.tables.map((t) => relation(t.name)).join(", ")}`)
        }
        // The rows go back as they were: the shop's own triggers (the stock table's change log) stay quiet while
        // they load, or they would log what the backup already holds, in the log table the backup also restores.
        triggered = await listTablesWithTriggers(client)
        for (const table of triggered) {
          await client.query(`alter table ${relation(table)} disable trigger user`)
        }
      },
      table: async (name, body) => {
        const table = description?.tables.find((t) => t.name === name)
        if (!table) {
          throw new BackupError(`the backup is damaged: table ${name} is not in its description`)
        }
        progress(`table ${name}`)
        const stream = client.query(copyFrom(copyInSql(table)))
        const done = new Promise<void>((resolve, reject) => {
          stream.on("finish", resolve)
          stream.on("error", reject)
        })
        for await (const chunk of body) {
          if (!stream.write(chunk)) {
            await once(stream, "drain")
          }
        }
        stream.end()
        await done
        rows += Number(stream.rowCount ?? 0)
        tables++
      },
      file: async (name, body) => {
        const slash = name.indexOf("/")
        const rel = name.slice(slash + 1)
        if (slash < 1 || !["private", "static", "cms"].includes(name.slice(0, slash)) || rel.split("/").some((p) => p === ".." || p === "." || p === "")) {
          throw new BackupError(`the backup names a file outside the shop's folders: ${name}`)
        }
        const root = fileRoots[name.slice(0, slash)]
        if (!root) {
          // Files live in S3 now: the caller says so; the record is read past.
          return
        }
        const to = path.join(root, ...rel.split("/"))
        const from = `${to}.restoring`
        fs.mkdirSync(path.dirname(to), { recursive: true })
        const out = fs.createWriteStream(from)
        staged.push({ from, to })
        for await (const chunk of body) {
          if (!out.write(chunk)) {
            await once(out, "drain")
          }
        }
        await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())))
      },
    })
    for (const seq of description?.sequences ?? []) {
      await client.query(`select setval($1, $2::bigint, $3)`, [seq.name.includes(".") ? relation(seq.name) : `public.${ident(seq.name)}`, seq.last_value, seq.is_called])
    }
    for (const table of triggered) {
      await client.query(`alter table ${relation(table)} enable trigger user`)
    }
    for (const fk of foreignKeys) {
      progress(`constraint ${fk.name}`)
      await client.query(`alter table ${relation(fk.table)} add constraint ${ident(fk.name)} ${fk.definition}`)
    }
    await client.query("commit")
  } catch (err) {
    await client.query("rollback").catch(() => undefined)
    staged.forEach((s) => fs.rmSync(s.from, { force: true }))
    throw err
  }
  for (const s of staged) {
    fs.renameSync(s.from, s.to)
  }
  return { tables, rows, files: staged.length }
}
