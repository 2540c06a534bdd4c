import { Client, type ClientConfig } from "pg"
import { LauncherError } from "./errors"

export type DatabaseTarget = { url: URL; database: string }

/** Parses DATABASE_URL, or says in one line what is wrong with it. */
export function parseDatabaseUrl(raw: string): DatabaseTarget {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new LauncherError(
      "DATABASE_URL is not a valid URL. Expected postgres://USER:PASSWORD@HOST:5432/DATABASE"
    )
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new LauncherError(
      `DATABASE_URL must start with postgres:// or postgresql://, not ${url.protocol}//`
    )
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ""))
  if (!database || database.includes("/")) {
    throw new LauncherError("DATABASE_URL names no database. Expected postgres://USER:PASSWORD@HOST:5432/DATABASE")
  }
  if (!url.hostname) {
    throw new LauncherError("DATABASE_URL names no host. Expected postgres://USER:PASSWORD@HOST:5432/DATABASE")
  }
  return { url, database }
}

/** The URL without its password, for messages. */
export function redact(url: URL): string {
  const copy = new URL(url.toString())
  if (copy.password) {
    copy.password = "****"
  }
  return copy.toString()
}

function clientConfig(url: URL, database: string): ClientConfig {
  const copy = new URL(url.toString())
  copy.pathname = `/${encodeURIComponent(database)}`
  return { connectionString: copy.toString(), connectionTimeoutMillis: 8000 }
}

function explain(err: unknown, url: URL): LauncherError {
  const e = err as { code?: string; message?: string }
  const where = `${url.hostname}:${url.port || 5432}`
  switch (e.code) {
    case "ECONNREFUSED":
      return new LauncherError(`Cannot reach PostgreSQL at ${where}: connection refused. Is the server running? (DATABASE_URL=${redact(url)})`)
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return new LauncherError(`Cannot resolve the PostgreSQL host "${url.hostname}" in DATABASE_URL.`)
    case "ETIMEDOUT":
      return new LauncherError(`Timed out connecting to PostgreSQL at ${where} (DATABASE_URL=${redact(url)}).`)
    case "28P01":
    case "28000":
      return new LauncherError(`PostgreSQL at ${where} refused the login of user "${decodeURIComponent(url.username)}": ${e.message}`)
    default:
      return new LauncherError(`Cannot use PostgreSQL at ${where} (DATABASE_URL=${redact(url)}): ${e.message ?? String(err)}`)
  }
}

/** Runs `fn` with a connection to the given database. */
export async function withClient<T>(target: DatabaseTarget, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client(clientConfig(target.url, target.database))
  try {
    await client.connect()
  } catch (err) {
    throw explain(err, target.url)
  }
  try {
    return await fn(client)
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** Connects to the database, creating it first when the server has none of that name. */
export async function ensureDatabase(target: DatabaseTarget): Promise<"created" | "exists"> {
  const probe = new Client(clientConfig(target.url, target.database))
  try {
    await probe.connect()
    await probe.end()
    return "exists"
  } catch (err) {
    await probe.end().catch(() => undefined)
    if ((err as { code?: string }).code !== "3D000") {
      throw explain(err, target.url)
    }
  }
  await withClient({ ...target, database: "postgres" }, async (client) => {
    const ident = `"${target.database.replace(/"/g, '""')}"`
    await client.query(`CREATE DATABASE ${ident}`).catch((err: { code?: string }) => {
      // Another launcher created it in the meantime: fine.
      if (err.code !== "42P04") {
        throw explain(err, target.url)
      }
    })
  })
  return "created"
}
