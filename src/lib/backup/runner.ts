/**
 * Backup and restore as whole operations, for `npm run backup` / `npm run
 * restore` (launcher/backup.ts) and for the scheduled job: settings, key,
 * the backup itself, storing it, retention; or fetching, verifying,
 * migrating and loading. Every failure is a BackupError with one sentence.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { takeBackup } from "./backup"
import { connect, countPublicTables, describeUrl, readMigrationState } from "./db"
import { BackupError } from "./errors"
import { backupName, BACKUP_EXTENSION, type Manifest } from "./format"
import { compareVersions, loadBackup, migrationMismatch, openBackup, scriptsToRun, verifyBackup } from "./restore"
import { applyRetention } from "./retention"
import { backupSettings, dataDir, piiKeyCheck, resolveBackupKey } from "./settings"
import type { BackupSummary, StoredBackup } from "./store"

type Env = Record<string, string | undefined>

export type RunContext = {
  databaseUrl: string
  env: Env
  /** The project folder: relative settings (BACKUP_DIR, FILE_PRIVATE_DIR, static/) are taken from here. */
  projectRoot: string
  appVersion: string
  log: (message: string) => void
  progress?: (step: string) => void | Promise<void>
}

export function appVersion(projectRoot: string): string {
  return (JSON.parse(fs.readFileSync(path.join(projectRoot, "package.json"), "utf8")) as { version: string }).version
}

export type BackupRun = { summary: BackupSummary; where: string; removed: string[] }

export async function runBackup(ctx: RunContext, now = new Date()): Promise<BackupRun> {
  const settings = backupSettings(ctx.env, ctx.projectRoot)
  const { key, warning } = resolveBackupKey(ctx.env, ctx.projectRoot, { create: true })
  if (warning) {
    ctx.log(`warning: ${warning}`)
  }
  const name = backupName(now)
  // Written beside the backups when they are local (then moved into place), else in the data folder's tmp.
  const staging =
    "dir" in settings.store ? (settings.store as { dir: string }).dir : path.join(dataDir(ctx.env, ctx.projectRoot), "tmp")
  const outFile = path.join(staging, `.${name}.partial`)
  try {
    const result = await takeBackup({
      databaseUrl: ctx.databaseUrl,
      key,
      appVersion: ctx.appVersion,
      fileRoots: settings.fileRoots,
      fileProvider: settings.fileProvider,
      piiKeyCheck: piiKeyCheck(ctx.env),
      outFile,
      now,
      progress: ctx.progress,
    })
    const summary: BackupSummary = {
      name,
      created_at: result.description.created_at,
      finished_at: result.manifest.finished_at,
      app_version: ctx.appVersion,
      bytes: result.bytes,
      sha256: result.sha256,
      tables: Object.keys(result.manifest.tables).length,
      rows: Object.values(result.manifest.tables).reduce((sum, t) => sum + t.rows, 0),
      files: Object.keys(result.manifest.files).length,
      seconds: result.seconds,
      verified_at: null,
    }
    result.notes.forEach((note) => ctx.log(`warning: ${note}`))
    await settings.store.put(outFile, summary)
    const removed: string[] = []
    const { remove } = applyRetention(await settings.store.list(), settings.retention)
    for (const old of remove) {
      await settings.store.remove(old.name)
      removed.push(old.name)
    }
    return { summary, where: settings.store.where, removed }
  } finally {
    fs.rmSync(outFile, { force: true })
  }
}

export type RestoreOptions = {
  /** A path to a backup file, a backup's name in the configured store, or "latest". */
  source: string
  force: boolean
  /** Runs the code's migrations on the (empty) target database. */
  migrate: (databaseUrl: string) => Promise<void>
  /** Where the backup's files go (the shop's own folders unless given: the restore drill gives a scratch folder). */
  fileRoots?: Record<string, string>
}

export type RestoreRun = {
  name: string
  tables: number
  rows: number
  files: number
  created_at: string
  app_version: string
  warnings: string[]
  /** What the backup says it holds, checked as it was read. */
  manifest: Manifest
}

export type LocatedBackup = { file: string; name: string; bytes?: number; cleanup: () => void; stored?: StoredBackup }

/** Finds the backup file: a local path as given, else a name (or "latest") fetched from the store into a temporary file. */
export async function locate(ctx: RunContext, source: string): Promise<LocatedBackup> {
  if (source !== "latest" && (source.includes("/") || fs.existsSync(source))) {
    const file = path.resolve(source)
    if (!fs.existsSync(file)) {
      throw new BackupError(`no backup file at ${file}`)
    }
    // The summary beside it, when there is one, tells how long the file should be.
    const summary = `${file}.json`
    const bytes = fs.existsSync(summary) ? (JSON.parse(fs.readFileSync(summary, "utf8")) as BackupSummary).bytes : undefined
    return { file, name: path.basename(file), bytes, cleanup: () => undefined }
  }
  const { store } = backupSettings(ctx.env, ctx.projectRoot)
  if (source !== "latest" && !source.endsWith(BACKUP_EXTENSION)) {
    throw new BackupError(`"${source}" is neither a backup file nor a backup's name (jewel-crm-….jcrm-backup) nor "latest"`)
  }
  const stored = await store.list()
  const found = source === "latest" ? stored[0] : stored.find((b) => b.name === source)
  if (!found) {
    throw new BackupError(source === "latest" ? `no backups in ${store.where}` : `no backup named ${source} in ${store.where}`)
  }
  const name = found.name
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "jewel-restore-"))
  const file = path.join(tmp, name)
  const cleanup = () => fs.rmSync(tmp, { recursive: true, force: true })
  try {
    await store.fetch(name, file)
  } catch (err) {
    cleanup()
    throw err
  }
  return { file, name, bytes: found.summary.bytes, cleanup, stored: found }
}

export async function runRestore(ctx: RunContext, options: RestoreOptions): Promise<RestoreRun> {
  const { key } = resolveBackupKey(ctx.env, ctx.projectRoot, { create: false })
  const settings = backupSettings(ctx.env, ctx.projectRoot)
  const located = await locate(ctx, options.source)
  const warnings: string[] = []
  try {
    const size = fs.statSync(located.file).size
    if (located.bytes !== undefined && size < located.bytes) {
      throw new BackupError(`the backup is truncated: ${size} of its ${located.bytes} bytes are there`)
    }
    const opened = openBackup(located.file, key)
    if (compareVersions(opened.header.app_version, ctx.appVersion) > 0) {
      throw new BackupError(
        `the backup was made by jewel-crm ${opened.header.app_version}, newer than this code (${ctx.appVersion}); restore it with ${opened.header.app_version} or later`
      )
    }
    ctx.log(`verifying ${located.name} (made ${opened.header.created_at} by ${opened.header.app_version}) …`)
    const { description, manifest } = await verifyBackup(opened, key)
    const rows = Object.values(manifest.tables).reduce((sum, t) => sum + t.rows, 0)
    ctx.log(`verified: ${description.tables.length} tables, ${rows} rows, ${Object.keys(manifest.files).length} files; checksums and authentication tag match`)

    const client = await connect(ctx.databaseUrl, "jewel-crm restore")
    try {
      const existing = await countPublicTables(client)
      if (existing > 0) {
        if (!options.force) {
          throw new BackupError(
            `the database ${describeUrl(ctx.databaseUrl)} is not empty (${existing} tables and sequences); restore into an empty database, or add --force to replace everything in it`
          )
        }
        ctx.log(`--force: removing everything in the public and payload (CMS) schemas of ${describeUrl(ctx.databaseUrl)} …`)
        await client.query("drop schema public cascade")
        await client.query("create schema public")
        await client.query("drop schema if exists payload cascade")
      }
    } finally {
      await client.end().catch(() => undefined)
    }

    ctx.log("running the migrations of this code …")
    await options.migrate(ctx.databaseUrl)

    const target = await connect(ctx.databaseUrl, "jewel-crm restore")
    try {
      const codeState = await readMigrationState(target)
      const mismatch = migrationMismatch(description.migrations, codeState, description.app_version, ctx.appVersion)
      if (mismatch) {
        throw new BackupError(`${mismatch}; the database was migrated but nothing was loaded`)
      }
      ctx.log("loading the data …")
      const loaded = await loadBackup(opened, key, target, options.fileRoots ?? settings.fileRoots, (step) => void ctx.progress?.(step))
      if (loaded.rows !== rows) {
        throw new BackupError(`loaded ${loaded.rows} rows where the manifest counts ${rows}`)
      }
      const scripts = scriptsToRun(description.migrations, codeState)
      if (scripts.length) {
        // The load put back the backup's record of scripts run; migrating again runs the ones it lacks.
        ctx.log(`running ${scripts.length} data script(s) of this code the backup had not run (${scripts.join(", ")}) …`)
        await options.migrate(ctx.databaseUrl)
      }
      if (description.file_provider === "local" && settings.fileProvider === "s3") {
        warnings.push("the backup's files were on the local provider, but this shop now uses S3: they were not restored; unset S3_BUCKET to restore them locally")
      }
      if (description.file_provider === "s3") {
        warnings.push("the shop's files were in S3 when the backup was made: they are not in the backup and stay in the bucket")
      }
      const pii = piiKeyCheck(ctx.env)
      if (description.pii_key_check && pii !== description.pii_key_check) {
        warnings.push("PII_ENCRYPTION_KEY differs from the key the shop had: stored PANs cannot be read until the old key is set")
      }
      return {
        name: located.name,
        tables: loaded.tables,
        rows: loaded.rows,
        files: loaded.files,
        created_at: description.created_at,
        app_version: description.app_version,
        warnings,
        manifest,
      }
    } finally {
      await target.end().catch(() => undefined)
    }
  } finally {
    located.cleanup()
  }
}
