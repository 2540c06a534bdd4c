/**
 * The backup and the restore drill this process is running, if any, and how
 * the last of each ended: what the admin's "Back up now" and "Test a restore
 * now" follow (GET /admin/backups). Kept in memory: a restart forgets it, and
 * the stored backups (with their drills' outcomes) are the record that counts.
 */
import { BackupError } from "./errors"
import { migrateShop } from "./migrate"
import { appVersion, runBackup, type RunContext } from "./runner"
import { runVerify } from "./verify"
import type { BackupStatus } from "../../types/http"

export type { BackupStatus }

const IDLE: BackupStatus = { state: "idle", started_at: null, finished_at: null, step: null, done: 0, name: null, error: null }

/** One kind of background job: at most one at a time in this process, its status kept for the admin. */
export class JobTracker {
  private current: BackupStatus = { ...IDLE }

  constructor(private readonly what: string) {}

  status(): BackupStatus {
    return { ...this.current }
  }

  /**
   * Starts `run` unless one is running in this process; `done` settles when
   * it ends, never rejecting: the outcome is in the status.
   */
  start(run: (progress: (step: string) => void) => Promise<{ name: string }>): { status: BackupStatus; done: Promise<void> } {
    if (this.current.state === "running") {
      throw new BackupError(`${this.what} is already running (started ${this.current.started_at})`)
    }
    this.current = { ...IDLE, state: "running", started_at: new Date().toISOString() }
    const progress = (step: string) => {
      this.current = { ...this.current, step, done: this.current.done + 1 }
    }
    const done = run(progress).then(
      (result) => {
        this.current = { ...this.current, state: "succeeded", finished_at: new Date().toISOString(), step: null, name: result.name }
      },
      (err: unknown) => {
        this.current = { ...this.current, state: "failed", finished_at: new Date().toISOString(), error: (err as Error).message ?? String(err) }
      }
    )
    return { status: this.status(), done }
  }
}

const backups = new JobTracker("a backup")
const drills = new JobTracker("a restore drill")

export const backupStatus = () => backups.status()
export const drillStatus = () => drills.status()

function appContext(databaseUrl: string, log: (message: string) => void, projectRoot: string, progress: (step: string) => void): RunContext {
  return { databaseUrl, env: process.env, projectRoot, appVersion: appVersion(projectRoot), log, progress }
}

/**
 * Starts a backup of the app's database in the background (the database's
 * advisory lock also stops one from another process), as the admin's "Back
 * up now" and the scheduled job both do.
 */
export function startAppBackup(databaseUrl: string, log: (message: string) => void, projectRoot = process.cwd()) {
  return backups.start(async (progress) => (await runBackup(appContext(databaseUrl, log, projectRoot, progress))).summary)
}

/**
 * Starts the restore drill on a stored backup (the newest by default) in the
 * background, the scratch database migrated by the project's Medusa and Payload CLIs.
 */
export function startAppDrill(databaseUrl: string, log: (message: string) => void, projectRoot = process.cwd(), source = "latest") {
  return drills.start((progress) =>
    runVerify(appContext(databaseUrl, (message) => (progress(message), log(message)), projectRoot, () => undefined), {
      source,
      migrate: (url) => migrateShop(url, projectRoot),
    })
  )
}
