/**
 * When the scheduled backup is due (docs/operations.md, "Backups"):
 * BACKUP_SCHEDULE is a time of day in India Standard Time ("02:30"); the job
 * looks every quarter of an hour and backs up once that day's time has
 * passed and no backup was taken since. A machine that was off at that time
 * backs up when it is back.
 */
import { BackupError } from "./errors"
import { IST_OFFSET_MINUTES } from "./retention"

export type DailyTime = { hour: number; minute: number }

export function parseSchedule(value: string): DailyTime {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(value.trim())
  if (!m) {
    throw new BackupError(`BACKUP_SCHEDULE must be a time of day in India time, e.g. 02:30, got "${value}"`)
  }
  return { hour: Number(m[1]), minute: Number(m[2]) }
}

/** The latest moment at or before `now` when the schedule's time came round. */
export function lastScheduledAt(time: DailyTime, now: Date, offsetMinutes = IST_OFFSET_MINUTES): Date {
  const local = new Date(now.getTime() + offsetMinutes * 60_000)
  const todayAt = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), time.hour, time.minute) - offsetMinutes * 60_000
  return new Date(todayAt <= now.getTime() ? todayAt : todayAt - 86_400_000)
}

/** True when no backup was taken since the schedule's time last came round. */
export function backupDue(time: DailyTime, now: Date, lastBackupAt: Date | undefined, offsetMinutes = IST_OFFSET_MINUTES): boolean {
  return !lastBackupAt || lastBackupAt.getTime() < lastScheduledAt(time, now, offsetMinutes).getTime()
}
