import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { alertOwner, type BackupAlert } from "../lib/backup/alerts"
import { BackupError } from "../lib/backup/errors"
import { backupDue, drillDue, parseDrillInterval, parseSchedule } from "../lib/backup/schedule"
import { backupSettings } from "../lib/backup/settings"
import { backupStatus, drillStatus, startAppBackup, startAppDrill } from "../lib/backup/status"

/**
 * Every quarter of an hour: a backup when BACKUP_SCHEDULE's time of day (India
 * time) has passed since the last one, then the restore drill on the newest
 * backup when none passed one in BACKUP_VERIFY_EVERY_DAYS (docs/operations.md,
 * "Backups and restore"). Off while BACKUP_SCHEDULE is unset, as in the demo.
 * A failure is logged and the owner is told (admin notification, and an SMS to
 * BACKUP_ALERT_PHONE); the next run tries again.
 */
export default async function scheduledBackup(container: MedusaContainer) {
  const schedule = process.env.BACKUP_SCHEDULE?.trim()
  if (!schedule) {
    return
  }
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const databaseUrl = config.projectConfig.databaseUrl!
  const projectRoot = process.cwd()
  const alert = async (problem: BackupAlert) => {
    logger.error(`backup: ${problem.title}: ${problem.description}`)
    const unsent = await alertOwner(container.resolve(Modules.NOTIFICATION), process.env, problem)
    unsent.forEach((p) => logger.warn(`backup: the owner was not told by ${p}`))
  }
  let phase: "backup" | "drill" = "backup"
  try {
    const time = parseSchedule(schedule)
    const everyDays = parseDrillInterval(process.env.BACKUP_VERIFY_EVERY_DAYS)
    const { store } = backupSettings(process.env, projectRoot)
    const [latest] = await store.list()
    if (backupStatus().state !== "running" && backupDue(time, new Date(), latest?.created_at)) {
      await startAppBackup(databaseUrl, (message) => logger.warn(`backup: ${message}`), projectRoot).done
      const status = backupStatus()
      if (status.state === "failed") {
        await alert({ title: "The scheduled backup failed", description: status.error ?? "no reason given" })
        return
      }
      logger.info(`backup: ${status.name} stored`)
    }
    const stored = await store.list()
    if (drillStatus().state === "running" || !drillDue(stored.map((b) => b.summary), new Date(), everyDays)) {
      return
    }
    phase = "drill"
    await startAppDrill(databaseUrl, (message) => logger.info(`backup drill: ${message}`), projectRoot, stored[0].name).done
    const drill = drillStatus()
    if (drill.state === "failed") {
      await alert({ title: "The restore drill failed", description: drill.error ?? "no reason given" })
      return
    }
    logger.info(`backup drill: ${drill.name} passed`)
  } catch (err) {
    const message = err instanceof BackupError ? err.message : (err as Error).message
    await alert({ title: phase === "drill" ? "The restore drill failed" : "The scheduled backup failed", description: message })
  }
}

export const config = {
  name: "scheduled-backup",
  schedule: "*/15 * * * *",
}
