/** A backup or restore drill running in (or last run by) this server process. */
export type BackupStatus = {
  state: "idle" | "running" | "succeeded" | "failed"
  started_at: string | null
  finished_at: string | null
  /** What is being done now ("table order_item", "file private/…", "comparing every table …"). */
  step: string | null
  /** Tables and files done so far. */
  done: number
  name: string | null
  error: string | null
}

/** A stored backup as GET /admin/backups lists it. */
export type StoredBackupView = {
  name: string
  created_at: string
  age_hours: number
  bytes: number
  app_version: string
  tables: number
  rows: number
  files: number
  seconds: number
  /** When a restore drill last brought this backup back whole. */
  verified_at: string | null
  /** The last restore drill of this backup, passed or failed (docs/operations.md, "The restore drill"). */
  verification: { at: string; ok: boolean; seconds: number; message: string } | null
}

export type BackupListResponse = {
  destination: string
  schedule: string | null
  /** The backup running in (or last run by) this server process. */
  status: BackupStatus
  /** The restore drill running in (or last run by) this server process; `name` is the backup it drilled. */
  drill: BackupStatus
  backups: StoredBackupView[]
  count: number
}
