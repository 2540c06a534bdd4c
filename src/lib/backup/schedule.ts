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

/** "02:30" → { hour: 2, minute: 30 }; null for anything that is not a time of day. */
export function dailyTimeOf(value: string): DailyTime | null {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(value.trim())
  return m ? { hour: Number(m[1]), minute: Number(m[2]) } : null
}

export function parseSchedule(value: string): DailyTime {
  const time = dailyTimeOf(value)
  if (!time) {
    throw new BackupError(`BACKUP_SCHEDULE must be a time of day in India time, e.g. 02:30, got "${value}"`)
  }
  return time
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

export type DrillRecord = { verified_at?: string | null; verification?: { at: string; ok: boolean } | null }

/**
 * BACKUP_VERIFY_EVERY_DAYS: how often the scheduled job runs the restore
 * drill (7 by default, a weekly drill; 0 turns it off).
 */
export function parseDrillInterval(value: string | undefined): number {
  if (value === undefined || value.trim() === "") {
    return 7
  }
  const days = Number(value)
  if (!Number.isInteger(days) || days < 0 || days > 366) {
    throw new BackupError(`BACKUP_VERIFY_EVERY_DAYS must be a whole number of days from 0 (never) to 366, got "${value}"`)
  }
  return days
}

/**
 * True when the newest backup should go through the drill: none of the stored
 * backups passed one in the last `everyDays` days, and no drill was tried in
 * the last day (a failed drill is tried again the next day, not every
 * quarter of an hour).
 */
export function drillDue(backups: DrillRecord[], now: Date, everyDays: number): boolean {
  if (!everyDays || !backups.length) {
    return false
  }
  const since = (iso: string | null | undefined) => (iso ? now.getTime() - new Date(iso).getTime() : Infinity)
  const lastPassed = Math.min(...backups.map((b) => since(b.verified_at)))
  const lastTried = Math.min(...backups.map((b) => since(b.verification?.at)))
  return lastPassed >= everyDays * 86_400_000 && lastTried >= 86_400_000 - 60 * 60_000
}
