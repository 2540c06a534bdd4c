import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BackupError } from "../lib/backup/errors"
import { backupDue, parseSchedule } from "../lib/backup/schedule"
import { backupSettings } from "../lib/backup/settings"
import { backupStatus, startAppBackup } from "../lib/backup/status"

/**
 * Every quarter of an hour: a backup when BACKUP_SCHEDULE's time of day (India
 * time) has passed since the last one (docs/operations.md, "Backups"). Off
 * while BACKUP_SCHEDULE is unset, as in the demo. A failure is logged as an
 * error; the next run tries again.
 */
export default async function scheduledBackup(container: MedusaContainer) {
  const schedule = process.env.BACKUP_SCHEDULE?.trim()
  if (!schedule) {
    return
  }
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const projectRoot = process.cwd()
  try {
    const time = parseSchedule(schedule)
    const [latest] = await backupSettings(process.env, projectRoot).store.list()
    if (!backupDue(time, new Date(), latest?.created_at)) {
      return
    }
    const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
    await startAppBackup(config.projectConfig.databaseUrl!, (message) => logger.warn(`backup: ${message}`), projectRoot).done
    const status = backupStatus()
    if (status.state === "failed") {
      logger.error(`backup: scheduled backup failed: ${status.error}`)
    } else {
      logger.info(`backup: ${status.name} stored`)
    }
  } catch (err) {
    logger.error(`backup: scheduled backup failed: ${err instanceof BackupError ? err.message : (err as Error).message}`)
  }
}

export const config = {
  name: "scheduled-backup",
  schedule: "*/15 * * * *",
}
