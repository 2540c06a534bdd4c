/**
 * Which backups to keep (docs/operations.md, "Backups"): the newest backup of
 * each of the last N days, N ISO weeks and N months that have one, as
 * restic and borg count them. Days, weeks and months are the shop's calendar
 * (India Standard Time by default), so a backup at 01:00 IST belongs to that
 * day, not to the UTC day before. Pure: the caller lists and deletes.
 */
import { BackupError } from "./errors"

export type RetentionPolicy = { daily: number; weekly: number; monthly: number }

export const DEFAULT_RETENTION: RetentionPolicy = { daily: 7, weekly: 4, monthly: 12 }

/** IST: UTC+05:30, no daylight saving. */
export const IST_OFFSET_MINUTES = 330

export type Dated = { name: string; created_at: Date }

export type RetentionDecision<T extends Dated> = {
  keep: { backup: T; reasons: string[] }[]
  remove: T[]
}

function local(date: Date, offsetMinutes: number): Date {
  return new Date(date.getTime() + offsetMinutes * 60_000)
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0")

export function dayKey(date: Date, offsetMinutes = IST_OFFSET_MINUTES): string {
  const d = local(date, offsetMinutes)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday. */
export function weekKey(date: Date, offsetMinutes = IST_OFFSET_MINUTES): string {
  const d = local(date, offsetMinutes)
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))
  const weekday = day.getUTCDay() || 7
  day.setUTCDate(day.getUTCDate() + 4 - weekday) // the Thursday of this week decides its year
  const yearStart = new Date(Date.UTC(day.getUTCFullYear(), 0, 1))
  const week = Math.ceil(((day.getTime() - yearStart.getTime()) / 86_400_000 + 1) / 7)
  return `${day.getUTCFullYear()}-W${pad(week)}`
}

export function monthKey(date: Date, offsetMinutes = IST_OFFSET_MINUTES): string {
  const d = local(date, offsetMinutes)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`
}

/**
 * Splits backups into those to keep (with why) and those to remove. The
 * newest backup is always kept, whatever the policy says.
 */
export function applyRetention<T extends Dated>(
  backups: T[],
  policy: RetentionPolicy = DEFAULT_RETENTION,
  offsetMinutes = IST_OFFSET_MINUTES
): RetentionDecision<T> {
  const newestFirst = [...backups].sort((a, b) => b.created_at.getTime() - a.created_at.getTime() || (a.name < b.name ? 1 : -1))
  const reasons = new Map<T, string[]>()
  const rules: [keyof RetentionPolicy, (d: Date) => string][] = [
    ["daily", (d) => dayKey(d, offsetMinutes)],
    ["weekly", (d) => weekKey(d, offsetMinutes)],
    ["monthly", (d) => monthKey(d, offsetMinutes)],
  ]
  for (const [rule, key] of rules) {
    const seen = new Set<string>()
    for (const backup of newestFirst) {
      if (seen.size >= policy[rule]) {
        break
      }
      const k = key(backup.created_at)
      if (!seen.has(k)) {
        seen.add(k)
        reasons.set(backup, [...(reasons.get(backup) ?? []), `${rule} ${k}`])
      }
    }
  }
  if (newestFirst.length && !reasons.has(newestFirst[0])) {
    reasons.set(newestFirst[0], ["newest"])
  }
  return {
    keep: newestFirst.filter((b) => reasons.has(b)).map((backup) => ({ backup, reasons: reasons.get(backup)! })),
    remove: newestFirst.filter((b) => !reasons.has(b)),
  }
}

/** BACKUP_KEEP_DAILY / _WEEKLY / _MONTHLY: whole numbers ≥ 0; unset keeps the default. */
export function retentionFromEnv(env: Record<string, string | undefined>): RetentionPolicy {
  const read = (name: string, fallback: number) => {
    const raw = env[name]?.trim()
    if (raw === undefined || raw === "") {
      return fallback
    }
    if (!/^\d+$/.test(raw)) {
      throw new BackupError(`${name} must be a whole number of backups to keep (0 or more), got "${env[name]}"`)
    }
    return Number(raw)
  }
  return {
    daily: read("BACKUP_KEEP_DAILY", DEFAULT_RETENTION.daily),
    weekly: read("BACKUP_KEEP_WEEKLY", DEFAULT_RETENTION.weekly),
    monthly: read("BACKUP_KEEP_MONTHLY", DEFAULT_RETENTION.monthly),
  }
}
