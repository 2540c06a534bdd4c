/**
 * What `npm start` and the `medusa exec` scripts (launcher/exec.ts) share on a
 * single-machine install: the data folder, its generated secrets, and the
 * database (DATABASE_URL, or the embedded server with data in .data/pg).
 */
import { randomBytes } from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import dotenv from "dotenv"
import { ensureDatabase, parseDatabaseUrl, redact, type DatabaseTarget } from "./database"
import { PROJECT_ROOT } from "./medusa"
import { parsePort } from "./net"
import { startCluster, type RunningCluster } from "./postgres"

dotenv.config({ path: path.join(PROJECT_ROOT, ".env") })

/** Everything the launcher keeps: embedded database, secrets, stamps, logs. */
export const DATA_DIR = path.resolve(PROJECT_ROOT, process.env.JEWEL_DATA_DIR || ".data")
export const SHOWN_DATA_DIR = path.relative(process.cwd(), DATA_DIR).startsWith("..")
  ? DATA_DIR
  : path.relative(process.cwd(), DATA_DIR) || "."
export const LOG_DIR = path.join(DATA_DIR, "logs")
const EMBEDDED_DB_NAME = "jewel_crm"

type LocalSecrets = { postgresPassword: string; jwtSecret: string; cookieSecret: string; piiKey?: string; cmsSecret?: string }

/** Secrets for a single-machine install, generated once into .data/secrets.json. */
export function localSecrets(): LocalSecrets {
  const file = path.join(DATA_DIR, "secrets.json")
  if (fs.existsSync(file)) {
    const existing = JSON.parse(fs.readFileSync(file, "utf8")) as LocalSecrets
    // Installs from before PAN storage, or before the CMS, get their key now.
    if (!existing.piiKey || !existing.cmsSecret) {
      existing.piiKey ||= randomBytes(32).toString("hex")
      existing.cmsSecret ||= randomBytes(32).toString("base64url")
      fs.writeFileSync(file, JSON.stringify(existing, null, 2), { mode: 0o600 })
    }
    return existing
  }
  const secrets: LocalSecrets = {
    postgresPassword: randomBytes(18).toString("base64url"),
    jwtSecret: randomBytes(32).toString("base64url"),
    cookieSecret: randomBytes(32).toString("base64url"),
    piiKey: randomBytes(32).toString("hex"),
    cmsSecret: randomBytes(32).toString("base64url"),
  }
  fs.mkdirSync(DATA_DIR, { recursive: true })
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 })
  return secrets
}

/** Fills JWT_SECRET, COOKIE_SECRET and PII_ENCRYPTION_KEY from .data/secrets.json where unset; true if it did. */
export function applyLocalSecrets(env: NodeJS.ProcessEnv): boolean {
  if (env.JWT_SECRET && env.COOKIE_SECRET && env.PII_ENCRYPTION_KEY) {
    return false
  }
  const secrets = localSecrets()
  env.JWT_SECRET ||= secrets.jwtSecret
  env.COOKIE_SECRET ||= secrets.cookieSecret
  env.PII_ENCRYPTION_KEY ||= secrets.piiKey
  return true
}

/** The CMS's signing secret (its sign-in tokens): PAYLOAD_SECRET, else the one generated into .data/secrets.json. */
export const cmsSecret = (env: NodeJS.ProcessEnv): string => env.PAYLOAD_SECRET || (localSecrets().cmsSecret as string)

/**
 * The database to use: DATABASE_URL (created if the server lacks it), or the
 * embedded server, started unless one (e.g. `npm start`'s) already runs on
 * .data/pg. Sets env.DATABASE_URL; `say` reports what was chosen.
 */
export async function prepareDatabase(
  env: NodeJS.ProcessEnv,
  say: (message: string) => void
): Promise<{ target: DatabaseTarget; cluster?: RunningCluster }> {
  if (env.DATABASE_URL) {
    const target = parseDatabaseUrl(env.DATABASE_URL)
    const created = await ensureDatabase(target)
    say(`PostgreSQL: ${redact(target.url)}${created === "created" ? " (database created)" : ""}`)
    return { target }
  }
  const port = parsePort(env.EMBEDDED_PG_PORT, 5439, "EMBEDDED_PG_PORT")
  const secrets = localSecrets()
  const cluster = await startCluster({
    dataDir: path.join(DATA_DIR, "pg"),
    port,
    password: secrets.postgresPassword,
  })
  const url = `postgres://postgres:${encodeURIComponent(secrets.postgresPassword)}@127.0.0.1:${cluster.port}/${EMBEDDED_DB_NAME}`
  const target = parseDatabaseUrl(url)
  let created: "created" | "exists"
  try {
    created = await ensureDatabase(target)
  } catch (err) {
    if (cluster.startedHere) {
      cluster.stop()
    }
    throw err
  }
  env.DATABASE_URL = url
  say(
    `PostgreSQL: embedded server on 127.0.0.1:${cluster.port}, data in ${path.join(SHOWN_DATA_DIR, "pg")}` +
      `${cluster.startedHere ? "" : " (already running)"}${created === "created" ? ", database created" : ""}`
  )
  return { target, cluster }
}
