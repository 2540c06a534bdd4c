/**
 * `npm run backup` and `npm run restore -- BACKUP [--force]` on the database
 * `npm start` uses: DATABASE_URL, or the embedded server with data in
 * .data/pg (started for the command and stopped after it, or the one a
 * running `npm start` holds). See docs/operations.md, "Backups".
 *
 *   npm run backup                      a backup into BACKUP_DESTINATION, then retention
 *   npm run backup -- --list            the stored backups, newest first
 *   npm run restore -- latest           the newest stored backup
 *   npm run restore -- NAME|FILE        a stored backup by name, or a backup file
 *   npm run backup:verify [-- NAME|FILE] the restore drill on the newest (or that) backup
 *
 * Every failure is one line on stderr and exit code 1.
 */
import path from "node:path"
import { LauncherError } from "./errors"
import { applyLocalSecrets, LOG_DIR, prepareDatabase } from "./local"
import { PROJECT_ROOT, runMedusa } from "./medusa"
import { backupKeyProblem } from "../src/lib/backup/crypto"
import { BackupError } from "../src/lib/backup/errors"
import { migrateCms } from "../src/lib/backup/migrate"
import { appVersion, runBackup, runRestore } from "../src/lib/backup/runner"
import { backupSettings } from "../src/lib/backup/settings"
import { runVerify } from "../src/lib/backup/verify"

const say = (message: string) => process.stderr.write(`jewel-crm: ${message}\n`)

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2)
  const env: NodeJS.ProcessEnv = { ...process.env }
  applyLocalSecrets(env)
  if (command === "backup" && args.includes("--list")) {
    const { store } = backupSettings(env, PROJECT_ROOT)
    const list = await store.list()
    say(`${list.length} backup(s) in ${store.where}`)
    for (const b of list) {
      const hours = (Date.now() - b.created_at.getTime()) / 3_600_000
      const drill = b.summary.verification ? (b.summary.verification.ok ? `drill passed ${b.summary.verification.at}` : `DRILL FAILED ${b.summary.verification.at}`) : "no drill yet"
      process.stdout.write(
        `${b.name}  ${mb(b.bytes).padStart(9)}  ${hours < 48 ? `${hours.toFixed(1)} h` : `${(hours / 24).toFixed(0)} days`} old  app ${b.summary.app_version}  ${b.summary.rows} rows  ${drill}\n`
      )
    }
    return
  }
  if (command === "restore" && (!args.length || args[0].startsWith("--"))) {
    throw new BackupError("usage: npm run restore -- BACKUP [--force]   (BACKUP: a backup file, a stored backup's name, or latest)")
  }
  // Settings and key are checked before the database is started: a typo shows at once.
  backupSettings(env, PROJECT_ROOT)
  const keyProblem = env.BACKUP_ENCRYPTION_KEY?.trim() ? backupKeyProblem(env.BACKUP_ENCRYPTION_KEY) : undefined
  if (keyProblem) {
    throw new BackupError(keyProblem)
  }
  const { cluster } = await prepareDatabase(env, say)
  const ctx = {
    databaseUrl: env.DATABASE_URL!,
    env,
    projectRoot: PROJECT_ROOT,
    appVersion: appVersion(PROJECT_ROOT),
    log: say,
  }
  // The shop's schema, then the website CMS's (its own schema, by its own CLI).
  const migrate = async (databaseUrl: string, log: string) => {
    await runMedusa(["db:migrate"], { ...env, DATABASE_URL: databaseUrl }, path.join(LOG_DIR, log), "Migrating the database to restore into")
    await migrateCms(databaseUrl, PROJECT_ROOT, env)
  }
  try {
    if (command === "verify") {
      const run = await runVerify(ctx, { source: args.find((a) => !a.startsWith("--")) ?? "latest", migrate: (url) => migrate(url, "drill-migrate.log") })
      say(`drill passed for ${run.name}: ${run.message}`)
    } else if (command === "backup") {
      const { summary, where, removed } = await runBackup(ctx)
      say(
        `backup ${summary.name}: ${summary.tables} tables, ${summary.rows} rows, ${summary.files} files, ${mb(summary.bytes)} in ${summary.seconds.toFixed(1)} s, stored in ${where}` +
          (removed.length ? `; retention removed ${removed.length} older backup(s)` : "")
      )
      process.stdout.write(`${summary.name}\n`)
    } else if (command === "restore") {
      const run = await runRestore(ctx, {
        source: args[0],
        force: args.includes("--force"),
        migrate: (databaseUrl) => migrate(databaseUrl, "restore-migrate.log"),
      })
      run.warnings.forEach((w) => say(`warning: ${w}`))
      say(`restored ${run.name} (made ${run.created_at} by ${run.app_version}): ${run.tables} tables, ${run.rows} rows, ${run.files} files`)
    } else {
      throw new BackupError("usage: ts-node launcher/backup.ts backup|restore|verify …")
    }
  } finally {
    if (cluster?.startedHere) {
      cluster.stop()
    }
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    const known = err instanceof LauncherError || err instanceof BackupError
    // A launcher error (e.g. a failed migration) may carry a log excerpt over several lines; the rest is one line.
    process.stderr.write(`jewel-crm: ${known ? (err as Error).message : `unexpected error: ${err instanceof Error ? err.message : String(err)}`}\n`)
    process.exit(1)
  }
)
