/**
 * Telling the owner a backup or a restore drill failed (docs/operations.md,
 * "Backups and restore"): a notification in the admin's bell (Medusa's
 * "feed" channel) always, and an SMS to BACKUP_ALERT_PHONE when one is set
 * and an SMS provider is configured.
 */
import type { INotificationModuleService } from "@medusajs/framework/types"
import { tryNormalizePhone } from "../phone"

export type BackupAlert = { title: string; description: string }

/** What could not be sent (nothing, when all went), for the caller's log. */
export async function alertOwner(notifications: INotificationModuleService, env: Record<string, string | undefined>, alert: BackupAlert): Promise<string[]> {
  const problems: string[] = []
  const send = async (what: string, notification: Parameters<INotificationModuleService["createNotifications"]>[0]) => {
    try {
      await notifications.createNotifications(notification)
    } catch (err) {
      problems.push(`${what}: ${(err as Error).message}`)
    }
  }
  await send("admin notification", { to: "", channel: "feed", template: "admin-ui", data: { title: alert.title, description: alert.description } })
  const raw = env.BACKUP_ALERT_PHONE?.trim()
  if (raw) {
    const phone = tryNormalizePhone(raw)
    if (!phone) {
      problems.push(`BACKUP_ALERT_PHONE "${raw}" is not a phone number`)
    } else {
      // An SMS carries one short paragraph: the title and the start of what happened.
      await send("SMS", { to: phone, channel: "sms", template: "backup-alert", data: { body: `jewel-crm: ${alert.title}. ${alert.description}`.slice(0, 320) } })
    }
  }
  return problems
}
