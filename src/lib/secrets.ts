/**
 * What a production start refuses: secrets left empty, left at a well-known
 * default or too short to resist guessing, and CORS lists that let any site
 * call the API with the visitor's cookies. Pure: it reads only the
 * environment it is given and returns the problems, one sentence each.
 */
import { backupKeyProblem } from "./backup/crypto"

/** Values that appear in tutorials, templates and Medusa's own fallback. */
const KNOWN_DEFAULTS = new Set(
  [
    "supersecret",
    "secret",
    "changeme",
    "change-me",
    "change_me",
    "changethis",
    "password",
    "jwt_secret",
    "jwtsecret",
    "jwt-secret",
    "cookie_secret",
    "cookiesecret",
    "cookie-secret",
    "your-secret",
    "your_secret",
    "yoursecret",
    "mysecret",
    "test",
    "default",
    "medusa",
    "something",
    "keyboard cat",
  ].map((v) => v.toLowerCase())
)

export const MIN_SECRET_LENGTH = 32

/** True when the value is a known default, or one character repeated. */
function looksDefault(value: string): boolean {
  const v = value.trim().toLowerCase()
  if (KNOWN_DEFAULTS.has(v)) {
    return true
  }
  // "supersecretsupersecret…", "xxxxxxxx…", "00000000…"
  for (const d of KNOWN_DEFAULTS) {
    if (v.length > d.length && v.split(d).join("") === "") {
      return true
    }
  }
  return /^(.)\1*$/.test(v)
}

function checkSecret(name: string, value: string | undefined): string | undefined {
  if (!value || !value.trim()) {
    return `${name} is not set`
  }
  if (looksDefault(value)) {
    return `${name} is a well-known default value`
  }
  if (value.length < MIN_SECRET_LENGTH) {
    return `${name} is too short (${value.length} characters; at least ${MIN_SECRET_LENGTH})`
  }
  return undefined
}

/** 32 bytes as 64 hex characters or base64, as src/lib/pan.ts reads it. */
function checkPiiKey(value: string | undefined): string | undefined {
  const name = "PII_ENCRYPTION_KEY"
  if (!value || !value.trim()) {
    return `${name} is not set`
  }
  if (looksDefault(value)) {
    return `${name} is a well-known default value`
  }
  const hex = /^[0-9a-fA-F]{64}$/.test(value)
  const base64 = /^[A-Za-z0-9+/_-]{43}=?$/.test(value) && Buffer.from(value, "base64").length === 32
  if (!hex && !base64) {
    return `${name} must be a 32-byte key: 64 hex characters (openssl rand -hex 32) or base64`
  }
  return undefined
}

/** Problems with JWT_SECRET, COOKIE_SECRET and PII_ENCRYPTION_KEY (empty when all are fine). */
export function checkProductionSecrets(env: Record<string, string | undefined>): string[] {
  const problems = [
    checkSecret("JWT_SECRET", env.JWT_SECRET),
    checkSecret("COOKIE_SECRET", env.COOKIE_SECRET),
    checkPiiKey(env.PII_ENCRYPTION_KEY),
  ].filter((p): p is string => !!p)
  if (!problems.length && env.JWT_SECRET === env.COOKIE_SECRET) {
    problems.push("JWT_SECRET and COOKIE_SECRET are the same value; give each its own")
  }
  return problems
}

/**
 * Problems with STORE_CORS, ADMIN_CORS and AUTH_CORS: Medusa answers CORS
 * with credentials allowed, so a wildcard would let any web page act with a
 * signed-in visitor's session. Unset lists keep the localhost defaults,
 * which admit no outside site.
 */
export function checkCorsOrigins(env: Record<string, string | undefined>): string[] {
  const problems: string[] = []
  for (const name of ["STORE_CORS", "ADMIN_CORS", "AUTH_CORS"]) {
    const value = env[name]
    if (value === undefined) {
      continue
    }
    const origins = value.split(",").map((o) => o.trim())
    if (origins.some((o) => o === "*" || o === "/.*/" || o === "/.+/")) {
      problems.push(`${name} allows every origin; list the shop's own origins (e.g. https://shop.example.com)`)
    }
  }
  return problems
}

/**
 * Scheduled backups (BACKUP_SCHEDULE) need BACKUP_ENCRYPTION_KEY: a key the
 * machine made for itself would be lost with the machine, and the backups
 * with it (docs/operations.md, "Backups").
 */
export function checkBackupKey(env: Record<string, string | undefined>): string[] {
  if (!env.BACKUP_SCHEDULE?.trim()) {
    return []
  }
  const problem = backupKeyProblem(env.BACKUP_ENCRYPTION_KEY)
  return problem ? [`${problem} (backups are scheduled: BACKUP_SCHEDULE)`] : []
}

/** Everything a production start refuses, as one message; undefined when there is nothing. */
export function productionConfigError(env: Record<string, string | undefined>): string | undefined {
  // Only a start that says it is for development or tests may fall back to Medusa's default secrets.
  if (env.NODE_ENV === "development" || env.NODE_ENV === "test") {
    return undefined
  }
  const problems = [...checkProductionSecrets(env), ...checkCorsOrigins(env), ...checkBackupKey(env)]
  if (!problems.length) {
    return undefined
  }
  return (
    `jewel-crm will not start outside development and test (NODE_ENV=${env.NODE_ENV || "unset"}) with unsafe settings:\n` +
    problems.map((p) => `  - ${p}`).join("\n") +
    "\nGenerate secrets with `openssl rand -base64 48` (JWT_SECRET, COOKIE_SECRET) and `openssl rand -hex 32` " +
    "(PII_ENCRYPTION_KEY, BACKUP_ENCRYPTION_KEY); keep the PII key of an existing shop, or its stored PANs cannot be read."
  )
}

/**
 * COOKIE_SECURE when it is not set: "true" when the shop's public address
 * (PUBLIC_URL) is HTTPS, else "false" — a Secure cookie is never kept by a
 * browser on plain http, and the admin would sign straight back out.
 */
export function cookieSecureDefault(env: Record<string, string | undefined>): "true" | "false" {
  return /^https:\/\//i.test(env.PUBLIC_URL?.trim() ?? "") ? "true" : "false"
}
