/**
 * The restore drill (docs/operations.md, "The restore drill"): a stored
 * backup restored into a scratch database beside the shop's, every table
 * read back and compared with the manifest's row counts and checksums, the
 * files compared with theirs, the shop's integrity checks run on the
 * result; then the scratch database is dropped and the outcome written into
 * the backup's summary, where the admin's Backups page shows it.
 */
import { createHash, randomBytes } from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { digestTable } from "./backup"
import { connect, databaseUrlFor, describeUrl, ident, listTables } from "./db"
import { BackupError } from "./errors"
import type { Manifest } from "./format"
import { checkIntegrity, type IntegrityResult } from "./integrity"
import { locate, runRestore, type RunContext } from "./runner"
import { backupSettings } from "./settings"
import type { BackupSummary, BackupVerification } from "./store"

export type VerifyOptions = {
  /** A stored backup's name, a backup file, or "latest" (the default). */
  source?: string
  /** Gives the empty scratch database this code's schema (`medusa db:migrate`). */
  migrate: (databaseUrl: string) => Promise<void>
  /** Leaves the scratch database in place and returns its URL (the tests look into it). */
  keepScratch?: boolean
}

export type VerifyRun = {
  name: string
  tables: number
  rows: number
  files: number
  checks: IntegrityResult[]
  seconds: number
  message: string
  /** The scratch database, when kept. */
  scratchUrl?: string
}

/** `<shop's database>_drill_<time>_<random>`, within PostgreSQL's 63 characters. */
export function scratchDatabaseName(shopDatabase: string, now: Date): string {
  const stamp = now.toISOString().replace(/\D/g, "").slice(0, 14)
  return `${shopDatabase.slice(0, 30)}_drill_${stamp}_${randomBytes(2).toString("hex")}`
}

const sha256File = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex")

/** What differs between the manifest and the restored database and files (empty when nothing does). */
async function compareWithManifest(
  scratchUrl: string,
  manifest: Manifest,
  fileRoots: Record<string, string>
): Promise<string[]> {
  const problems: string[] = []
  const client = await connect(scratchUrl, "jewel-crm restore drill")
  try {
    const tables = new Map((await listTables(client)).map((t) => [t.name, t]))
    for (const [name, want] of Object.entries(manifest.tables)) {
      const table = tables.get(name)
      if (!table) {
        problems.push(`table ${name} is missing after the restore`)
        continue
      }
      const got = await digestTable(client, table)
      if (got.rows !== want.rows || got.sha256 !== want.sha256) {
        problems.push(`table ${name}: the backup holds ${want.rows} rows (sha256 ${want.sha256.slice(0, 12)}…), the restore ${got.rows} (${got.sha256.slice(0, 12)}…)`)
      }
    }
    for (const [name, want] of Object.entries(manifest.files)) {
      const [root, ...rest] = name.split("/")
      const file = path.join(fileRoots[root] ?? "", ...rest)
      if (!fileRoots[root] || !fs.existsSync(file)) {
        problems.push(`file ${name} is missing after the restore`)
      } else if (sha256File(file) !== want.sha256) {
        problems.push(`file ${name} differs from the backup's`)
      }
    }
  } finally {
    await client.end().catch(() => undefined)
  }
  return problems
}

async function integrityOf(scratchUrl: string): Promise<IntegrityResult[]> {
  const client = await connect(scratchUrl, "jewel-crm restore drill")
  try {
    return await checkIntegrity(client)
  } finally {
    await client.end().catch(() => undefined)
  }
}

/**
 * Runs the drill on one backup. Resolves when the backup came back whole;
 * otherwise throws a BackupError naming what went wrong. Either way a stored
 * backup's summary records the outcome.
 */
export async function runVerify(ctx: RunContext, options: VerifyOptions, now = new Date()): Promise<VerifyRun> {
  const started = Date.now()
  const located = await locate(ctx, options.source ?? "latest")
  const shopDatabase = decodeURIComponent(new URL(ctx.databaseUrl).pathname.replace(/^\//, "")) || "postgres"
  const scratch = scratchDatabaseName(shopDatabase, now)
  const scratchUrl = databaseUrlFor(ctx.databaseUrl, scratch)
  const scratchFiles = fs.mkdtempSync(path.join(os.tmpdir(), "jewel-drill-"))
  const fileRoots = { private: path.join(scratchFiles, "private"), static: path.join(scratchFiles, "static"), cms: path.join(scratchFiles, "cms") }
  let created = false
  const outcome: { run?: VerifyRun; error?: BackupError } = {}
  try {
    if (located.bytes !== undefined && fs.statSync(located.file).size !== located.bytes) {
      throw new BackupError(`the backup is ${fs.statSync(located.file).size} bytes where its summary says ${located.bytes}: it was cut short or changed`)
    }
    const admin = await connect(ctx.databaseUrl, "jewel-crm restore drill")
    try {
      await admin.query(`create database ${ident(scratch)}`)
      created = true
    } catch (err) {
      throw new BackupError(
        `cannot create the scratch database ${scratch} beside ${describeUrl(ctx.databaseUrl)} for the drill: ${(err as Error).message} (the database user needs the CREATEDB privilege)`
      )
    } finally {
      await admin.end().catch(() => undefined)
    }
    ctx.log(`restoring ${located.name} into the scratch database ${scratch} …`)
    const restored = await runRestore({ ...ctx, databaseUrl: scratchUrl }, { source: located.file, force: false, migrate: options.migrate, fileRoots })
    ctx.log("comparing every table and file with the manifest …")
    const problems = await compareWithManifest(scratchUrl, restored.manifest, fileRoots)
    ctx.log("running the shop's integrity checks …")
    const checks = await integrityOf(scratchUrl)
    for (const check of checks.filter((c) => !c.ok)) {
      problems.push(`${check.name}: ${check.problems.join("; ")}`)
    }
    if (problems.length) {
      throw new BackupError(`the restore drill of ${located.name} failed: ${problems.slice(0, 5).join("; ")}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ""}`)
    }
    const seconds = (Date.now() - started) / 1000
    const passed = checks.filter((c) => !c.skipped).map((c) => c.name)
    outcome.run = {
      name: located.name,
      tables: restored.tables,
      rows: restored.rows,
      files: restored.files,
      checks,
      seconds,
      message:
        `restored into a scratch database in ${seconds.toFixed(0)} s: ${restored.tables} tables (${restored.rows} rows) and ${restored.files} files match the manifest; ` +
        `${passed.join(", ")} checked`,
      scratchUrl: options.keepScratch ? scratchUrl : undefined,
    }
    return outcome.run
  } catch (err) {
    outcome.error = err instanceof BackupError ? err : new BackupError(`the restore drill failed: ${(err as Error).message}`)
    throw outcome.error
  } finally {
    located.cleanup()
    fs.rmSync(scratchFiles, { recursive: true, force: true })
    if (created && !options.keepScratch) {
      await dropScratch(ctx.databaseUrl, scratch).catch((err) => ctx.log(`warning: could not drop the scratch database ${scratch}: ${(err as Error).message}`))
    }
    if (located.stored) {
      await record(ctx, located.stored.summary, outcome, (Date.now() - started) / 1000)
    }
  }
}

async function dropScratch(databaseUrl: string, scratch: string): Promise<void> {
  const admin = await connect(databaseUrl, "jewel-crm restore drill")
  try {
    await admin.query(`drop database if exists ${ident(scratch)} with (force)`)
  } finally {
    await admin.end().catch(() => undefined)
  }
}

/** Writes the drill's outcome into the backup's summary; a store that refuses is reported, not thrown over the outcome. */
async function record(
  ctx: RunContext,
  summary: BackupSummary,
  outcome: { run?: VerifyRun; error?: BackupError },
  seconds: number
): Promise<void> {
  const at = new Date().toISOString()
  const verification: BackupVerification = outcome.run
    ? { at, ok: true, seconds, message: outcome.run.message }
    : { at, ok: false, seconds, message: outcome.error?.message ?? "the drill stopped" }
  try {
    await backupSettings(ctx.env, ctx.projectRoot).store.updateSummary({
      ...summary,
      verification,
      verified_at: verification.ok ? at : summary.verified_at ?? null,
    })
  } catch (err) {
    ctx.log(`warning: the drill's outcome was not recorded: ${(err as Error).message}`)
  }
}
