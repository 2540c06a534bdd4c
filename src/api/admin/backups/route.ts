import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { BackupError } from "../../../lib/backup/errors"
import { backupSettings } from "../../../lib/backup/settings"
import { backupStatus, startAppBackup } from "../../../lib/backup/status"
import type { BackupListResponse } from "../../../types/http"
import { PROVIDER_UNAVAILABLE } from "../../../lib/errors"

/** A settings mistake or an unreachable store, answered 503 with what is wrong (docs/operations.md, "Backups and restore"). */
function unavailable(err: unknown): MedusaError {
  const message = err instanceof BackupError ? err.message : (err as Error).message
  return new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `Backups are unavailable: ${message}`, PROVIDER_UNAVAILABLE)
}

/** GET /admin/backups: the stored backups, newest first, with size and age; and the backup running in this process. */
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
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  const config = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const projectRoot = process.cwd()
  try {
    backupSettings(process.env, projectRoot)
  } catch (err) {
    throw unavailable(err)
  }
  let started
  try {
    started = startAppBackup(config.projectConfig.databaseUrl!, (message) => logger.warn(`backup: ${message}`), projectRoot)
  } catch (err) {
    throw new MedusaError(MedusaError.Types.CONFLICT, (err as Error).message)
  }
  void started.done.then(() => {
    const status = backupStatus()
    if (status.state === "failed") {
      logger.error(`backup: failed: ${status.error}`)
    }
  })
  res.status(202).json({ status: started.status })
}
