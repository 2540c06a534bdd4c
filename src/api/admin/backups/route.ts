import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { backupSettings } from "../../../lib/backup/settings"
import { backupStatus, drillStatus, startAppBackup } from "../../../lib/backup/status"
import type { BackupListResponse } from "../../../types/http"
import { startInBackground, unavailable } from "./helpers"

/** GET /admin/backups: the stored backups, newest first, with size, age and last drill; and the backup and drill running in this process. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const now = Date.now()
  let listed
  let where: string
  try {
    const { store } = backupSettings(process.env, process.cwd())
    where = store.where
    listed = await store.list()
  } catch (err) {
    throw unavailable(err)
  }
  const body: BackupListResponse = {
    destination: where,
    schedule: process.env.BACKUP_SCHEDULE?.trim() || null,
    status: backupStatus(),
    drill: drillStatus(),
    backups: listed.map((b) => ({
      name: b.name,
      created_at: b.created_at.toISOString(),
      age_hours: Math.round(((now - b.created_at.getTime()) / 3_600_000) * 10) / 10,
      bytes: b.bytes,
      app_version: b.summary.app_version,
      tables: b.summary.tables,
      rows: b.summary.rows,
      files: b.summary.files,
      seconds: b.summary.seconds,
      verified_at: b.summary.verified_at ?? null,
      verification: b.summary.verification ?? null,
    })),
    count: listed.length,
  }
  res.json(body)
}

/** POST /admin/backups: back up now, in the background; answers 202 with the status to follow on GET (409 while one runs). */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  startInBackground(req, res, "backup", startAppBackup, backupStatus)
}
