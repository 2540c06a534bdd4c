import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { BackupError } from "../../../lib/backup/errors"
import { backupSettings } from "../../../lib/backup/settings"
import type { BackupStatus } from "../../../types/http"
import { PROVIDER_UNAVAILABLE } from "../../../lib/errors"

/** A settings mistake or an unreachable store, answered 503 with what is wrong (docs/operations.md, "Backups and restore"). */
export function unavailable(err: unknown): MedusaError {
  const message = err instanceof BackupError ? err.message : (err as Error).message
  return new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `Backups are unavailable: ${message}`, PROVIDER_UNAVAILABLE)
}

type Start = (databaseUrl: string, log: (message: string) => void, projectRoot: string) => { status: BackupStatus; done: Promise<void> }

/**
 * Starts a backup or a drill of the app's database in the background and
 * answers 202 with its status (503 when the settings are wrong, 409 while
 * one runs); a failure is logged when it ends.
 */
export function startInBackground(req: MedusaRequest, res: MedusaResponse, what: string, start: Start, statusOf: () => BackupStatus): void {
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
    const log = (message: string) => (message.startsWith("warning:") ? logger.warn(`${what}: ${message}`) : logger.info(`${what}: ${message}`))
    started = start(config.projectConfig.databaseUrl!, log, projectRoot)
  } catch (err) {
    throw new MedusaError(MedusaError.Types.CONFLICT, (err as Error).message)
  }
  void started.done.then(() => {
    const status = statusOf()
    if (status.state === "failed") {
      logger.error(`${what}: failed: ${status.error}`)
    }
  })
  res.status(202).json({ status: started.status })
}
