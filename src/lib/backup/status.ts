/**
 * The backup this process is running, if any, and how the last one ended:
 * what the admin's "Back up now" follows (GET /admin/backups). Kept in memory:
 * a restart forgets it, and the stored backups are the record that counts.
 */
import { BackupError } from "./errors"
import { appVersion, runBackup, type BackupRun } from "./runner"
import type { BackupStatus } from "../../types/http"

export type { BackupStatus }

let current: BackupStatus = { state: "idle", started_at: null, finished_at: null, step: null, done: 0, name: null, error: null }

export function backupStatus(): BackupStatus {
  return { ...current }
}

/**
 * Starts `run` unless a backup is running in this process (the database's
 * advisory lock also stops one from another process). `done` settles when it
 * ends, never rejecting: the outcome is in the status.
 */
export function startBackup(run: (progress: (step: string) => void) => Promise<BackupRun>): { status: BackupStatus; done: Promise<void> } {
  if (current.state === "running") {
    throw new BackupError(`a backup is already running (started ${current.started_at})`)
  }
  current = { state: "running", started_at: new Date().toISOString(), finished_at: null, step: null, done: 0, name: null, error: null }
  const progress = (step: string) => {
    current = { ...current, step, done: current.done + 1 }
  }
  const done = run(progress).then(
    (result) => {
      current = { ...current, state: "succeeded", finished_at: new Date().toISOString(), step: null, name: result.summary.name }
    },
    (err: unknown) => {
      current = { ...current, state: "failed", finished_at: new Date().toISOString(), error: (err as Error).message ?? String(err) }
    }
  )
  return { status: backupStatus(), done }
}

/**
 * Starts a backup of the app's database in the background, as the admin's "Back up now" and the scheduled
 * job both do: progress goes to backupStatus(), messages to `log`.
 */
export function startAppBackup(databaseUrl: string, log: (message: string) => void, projectRoot = process.cwd()) {
  return startBackup((progress) => runBackup({ databaseUrl, env: process.env, projectRoot, appVersion: appVersion(projectRoot), log, progress }))
}
