/**
 * The backup workload of `npm run bench`: the whole bench database backed up
 * (one snapshot, gzip, AES-256-GCM, checksums) and restored into an empty
 * database, each beside raw COPY moving the same tables with nothing else
 * done: to nowhere for the backup, straight from table to table for the
 * restore.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { randomBytes } from "node:crypto"
import { pipeline } from "node:stream/promises"
import { Writable } from "node:stream"
import { from as copyFrom, to as copyTo } from "pg-copy-streams"
import { connect, copyInSql, databaseUrlFor, ident, listTables } from "../src/lib/backup/db"
import { runBackup, runRestore, type RunContext } from "../src/lib/backup/runner"

export type BackupBench = {
  tables: number
  rows: number
  bytes: number
  backupSeconds: number
  rawCopyOutSeconds: number
  restoreSeconds: number
  migrateSeconds: number
  rawCopyAcrossSeconds: number
}

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9

/** Every public table copied out in one REPEATABLE READ transaction and thrown away. */
async function rawCopyOut(databaseUrl: string): Promise<number> {
  const client = await connect(databaseUrl, "bench raw copy")
  try {
    const t0 = process.hrtime.bigint()
    await client.query("begin isolation level repeatable read read only")
    for (const table of await listTables(client)) {
      await pipeline(client.query(copyTo(`copy ${ident(table.name)} to stdout`)), new Writable({ write: (_chunk, _enc, done) => done() }))
    }
    await client.query("commit")
    return seconds(t0)
  } finally {
    await client.end()
  }
}

/** Every public table emptied in `target` and filled by COPY straight from `source` (foreign keys not checked). */
async function rawCopyAcross(sourceUrl: string, targetUrl: string): Promise<number> {
  const source = await connect(sourceUrl, "bench raw copy")
  const target = await connect(targetUrl, "bench raw copy")
  try {
    const tables = await listTables(source)
    const t0 = process.hrtime.bigint()
    await target.query("begin")
    await target.query("set local session_replication_role = replica")
    await target.query(`truncate ${tables.map((t) => ident(t.name)).join(", ")}`)
    for (const table of tables) {
      const columns = table.columns.map(ident).join(", ")
      await pipeline(source.query(copyTo(`copy (select ${columns} from ${ident(table.name)}) to stdout`)), target.query(copyFrom(copyInSql(table))))
    }
    await target.query("commit")
    return seconds(t0)
  } finally {
    await source.end()
    await target.end()
  }
}

export async function benchBackups(databaseUrl: string, migrate: (databaseUrl: string) => Promise<void>): Promise<BackupBench> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "jewel-bench-backup-"))
  const scratch = `jewel_bench_restore_${randomBytes(3).toString("hex")}`
  const admin = await connect(databaseUrl, "bench")
  const ctx: RunContext = { databaseUrl, env: { BACKUP_ENCRYPTION_KEY: randomBytes(32).toString("hex") }, projectRoot: root, appVersion: "0.1.0", log: () => undefined }
  try {
    const t0 = process.hrtime.bigint()
    const { summary } = await runBackup(ctx)
    const backupSeconds = seconds(t0)
    const rawCopyOutSeconds = await rawCopyOut(databaseUrl)

    await admin.query(`create database ${ident(scratch)}`)
    const scratchUrl = databaseUrlFor(databaseUrl, scratch)
    let migrateSeconds = 0
    const t1 = process.hrtime.bigint()
    await runRestore(
      { ...ctx, databaseUrl: scratchUrl },
      {
        source: path.join(root, ".data", "backups", summary.name),
        force: false,
        fileRoots: {},
        migrate: async (url) => {
          const m0 = process.hrtime.bigint()
          await migrate(url)
          migrateSeconds += seconds(m0)
        },
      }
    )
    const restoreSeconds = seconds(t1) - migrateSeconds
    const rawCopyAcrossSeconds = await rawCopyAcross(databaseUrl, scratchUrl)
    return { tables: summary.tables, rows: summary.rows, bytes: summary.bytes, backupSeconds, rawCopyOutSeconds, restoreSeconds, migrateSeconds, rawCopyAcrossSeconds }
  } finally {
    await admin.query(`drop database if exists ${ident(scratch)} with (force)`).catch(() => undefined)
    await admin.end()
    fs.rmSync(root, { recursive: true, force: true })
  }
}
