/**
 * Backup settings from the environment (docs/operations.md, "Backups"),
 * checked at once so a typo shows when the backup starts, not when it is
 * needed.
 */
import { createHash, randomBytes } from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { backupKeyProblem, decodeKey } from "./crypto"
import { BackupError } from "./errors"
import { retentionFromEnv, type RetentionPolicy } from "./retention"
import { LocalStore, S3Store, type BackupStore } from "./store"

type Env = Record<string, string | undefined>

export type BackupSettings = {
  store: BackupStore
  retention: RetentionPolicy
  /** Folders of the local file provider whose files are backed up ({} when files live in S3). */
  fileRoots: Record<string, string>
  fileProvider: "local" | "s3"
}

/** The data folder the launcher keeps (.data unless JEWEL_DATA_DIR says otherwise). */
export function dataDir(env: Env, projectRoot: string): string {
  return path.resolve(projectRoot, env.JEWEL_DATA_DIR || ".data")
}

export function backupSettings(env: Env, projectRoot: string): BackupSettings {
  const destination = (env.BACKUP_DESTINATION || (env.S3_BUCKET ? "s3" : "local")).trim()
  let store: BackupStore
  if (destination === "s3") {
    const bucket = env.BACKUP_S3_BUCKET || env.S3_BUCKET
    if (!bucket) {
      throw new BackupError("BACKUP_DESTINATION=s3 needs BACKUP_S3_BUCKET or S3_BUCKET")
    }
    store = new S3Store({
      bucket,
      prefix: env.BACKUP_S3_PREFIX ?? "backups",
      region: env.S3_REGION ?? "ap-south-1",
      endpoint: env.S3_ENDPOINT?.replace(/\/$/, "") || undefined,
      forcePathStyle: env.S3_FORCE_PATH_STYLE === "true",
      accessKeyId: env.S3_ACCESS_KEY_ID,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    })
  } else if (destination === "local") {
    store = new LocalStore(path.resolve(projectRoot, env.BACKUP_DIR || path.join(dataDir(env, projectRoot), "backups")))
  } else {
    throw new BackupError(`BACKUP_DESTINATION must be "local" or "s3", got "${destination}"`)
  }
  const retention: RetentionPolicy = retentionFromEnv(env)
  const fileProvider = env.S3_BUCKET ? "s3" : "local"
  // The same folders medusa-config.ts gives the local file provider (paths relative to the project), and the
  // website CMS's pictures (CMS_DATA_DIR/media), which follow the shop's files: with S3_BUCKET they are in the bucket
  // too (storefront/cms/storage.ts).
  const fileRoots: Record<string, string> =
    fileProvider === "local"
      ? {
          private: path.resolve(projectRoot, env.FILE_PRIVATE_DIR ?? `${env.JEWEL_DATA_DIR ?? ".data"}/private-files`),
          static: path.resolve(projectRoot, "static"),
          cms: path.resolve(projectRoot, env.CMS_DATA_DIR ?? `${env.JEWEL_DATA_DIR ?? ".data"}/cms`, "media"),
        }
      : {}
  return { store, retention, fileRoots, fileProvider }
}

export type ResolvedKey = { key: Buffer; warning?: string }

/**
 * BACKUP_ENCRYPTION_KEY, or a key kept in the data folder (.data/backup.key,
 * made on first use when `create`): fine for a demo, but whoever loses that
 * folder loses the backups with it, hence the warning.
 */
export function resolveBackupKey(env: Env, projectRoot: string, { create }: { create: boolean }): ResolvedKey {
  if (env.BACKUP_ENCRYPTION_KEY?.trim()) {
    const problem = backupKeyProblem(env.BACKUP_ENCRYPTION_KEY)
    if (problem) {
      throw new BackupError(problem)
    }
    return { key: decodeKey(env.BACKUP_ENCRYPTION_KEY)! }
  }
  const file = path.join(dataDir(env, projectRoot), "backup.key")
  if (!fs.existsSync(file)) {
    if (!create) {
      throw new BackupError(`BACKUP_ENCRYPTION_KEY is not set and there is no ${file}: set it to the key the backup was made with`)
    }
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, `${randomBytes(32).toString("hex")}\n`, { mode: 0o600, flag: "wx" })
  }
  const key = decodeKey(fs.readFileSync(file, "utf8"))
  if (!key) {
    throw new BackupError(`${file} does not hold a 32-byte key (64 hex characters)`)
  }
  return {
    key,
    warning: `BACKUP_ENCRYPTION_KEY is not set: using the key in ${file}. Keep a copy of it away from this machine (or set BACKUP_ENCRYPTION_KEY): without it the backups cannot be restored`,
  }
}

/** Which PII key encrypted the stored PANs, without revealing it. */
export function piiKeyCheck(env: Env): string | null {
  const value = env.PII_ENCRYPTION_KEY?.trim()
  if (!value) {
    return null
  }
  const bytes = decodeKey(value) ?? Buffer.from(value, "utf8")
  return createHash("sha256").update("jewel-crm pii key check\n").update(bytes).digest("hex").slice(0, 16)
}
