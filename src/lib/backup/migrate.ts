/**
 * The schema of another database, made by the project's own tools run as
 * child processes: `medusa db:migrate` (the shop's) and `payload migrate` in
 * storefront/ (the website CMS's, in its own schema). How a restore, and
 * the restore drill from inside the running app, give their empty database
 * this code's schema.
 */
import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { BackupError } from "./errors"
import { connect, describeUrl } from "./db"

/** The last lines a CLI printed, on one line, for an error message. */
function lastLines(output: string, count: number): string {
  return output.trim().split("\n").slice(-count).join(" | ")
}

interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs a Node CLI to its end; the last 64 000 characters of each stream. */
function runNode(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] })
    const run: CliRun = { code: null, stdout: "", stderr: "" }
    child.stdout.on("data", (chunk: Buffer) => (run.stdout = (run.stdout + chunk.toString("utf8")).slice(-64_000)))
    child.stderr.on("data", (chunk: Buffer) => (run.stderr = (run.stderr + chunk.toString("utf8")).slice(-64_000)))
    child.on("error", reject)
    child.on("close", (code) => resolve({ ...run, code }))
  })
}

/** A CLI's run against `databaseUrl`, refused unless it ended with exit 0; resolves with the end of what it printed. */
async function succeeded(what: string, databaseUrl: string, running: Promise<CliRun>): Promise<string> {
  let result: CliRun
  try {
    result = await running
  } catch (err) {
    throw err instanceof BackupError ? err : new BackupError(`cannot run ${what}: ${(err as Error).message}`)
  }
  const output = `${result.stdout}${result.stderr}`
  if (result.code !== 0) {
    throw new BackupError(`${what} on ${describeUrl(databaseUrl)} failed (exit ${result.code}): ${lastLines(output, 5)}`)
  }
  return output
}

/** How many times Payload's CLI is started before a run that never began is taken as its answer. */
const PAYLOAD_CLI_STARTS = 5

/**
 * Payload's CLI (`payload <command>` in storefront/), run to its end.
 * On Node 20 its TypeScript loader (tsx, in a loader thread) now and then
 * never answers the first import when the machine is busy: the process
 * then ends with exit 0 having printed nothing and done nothing (seen in
 * about one run in five with six started at once). Such a run is started
 * again; a run that printed anything is the answer, whatever its code.
 */
export async function runPayloadCli(projectRoot: string, args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  const cli = payloadCli(projectRoot)
  const storefront = path.join(projectRoot, "storefront")
  if (!cli) {
    throw new BackupError(`Payload is not installed for ${storefront}: run npm install`)
  }
  let result: CliRun = { code: null, stdout: "", stderr: "" }
  for (let start = 1; start <= PAYLOAD_CLI_STARTS; start++) {
    result = await runNode([cli, ...args], storefront, env)
    if (result.code !== 0 || result.stdout.trim() || result.stderr.trim()) {
      return result
    }
  }
  return result
}

export async function migrateWithMedusa(databaseUrl: string, projectRoot: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let cli: string
  try {
    cli = require.resolve("@medusajs/cli/cli.js", { paths: [projectRoot] })
  } catch {
    throw new BackupError(`the Medusa CLI is not installed in ${projectRoot}: run npm install`)
  }
  await succeeded("the Medusa migrations", databaseUrl, runNode([cli, "db:migrate"], projectRoot, { ...env, DATABASE_URL: databaseUrl }))
}

/** Payload's CLI as the storefront resolves it (its package exports no bin.js to require.resolve), if installed. */
export function payloadCli(projectRoot: string): string | undefined {
  const storefront = path.join(projectRoot, "storefront")
  return [storefront, projectRoot].map((dir) => path.join(dir, "node_modules", "payload", "bin.js")).find((file) => fs.existsSync(file))
}

/**
 * The website CMS's migrations (storefront/cms/migrations), when the project
 * has the storefront. Payload's CLI reads its config, not the secret's value,
 * to migrate: a placeholder stands in when PAYLOAD_SECRET is unset.
 */
export async function migrateCms(databaseUrl: string, projectRoot: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const storefront = path.join(projectRoot, "storefront")
  if (!fs.existsSync(path.join(storefront, "payload.config.ts"))) {
    return
  }
  const expected = fs.readdirSync(path.join(storefront, "cms", "migrations")).filter((f) => /\.(ts|js)$/.test(f) && !/^index\./.test(f)).length
  // A restore goes on only with every migration applied: checked in the database, not taken from the exit code.
  // Once more if not, then refused.
  const cliEnv = { ...env, PAYLOAD_SECRET: env.PAYLOAD_SECRET || "migrations-only", DATABASE_URL: databaseUrl }
  let output = ""
  for (let attempt = 1; attempt <= 2; attempt++) {
    output = await succeeded("the CMS's migrations", databaseUrl, runPayloadCli(projectRoot, ["migrate"], cliEnv))
    if ((await appliedCmsMigrations(databaseUrl)) >= expected) {
      return
    }
  }
  throw new BackupError(`the CMS's migrations on ${describeUrl(databaseUrl)} ended without applying all ${expected}: ${lastLines(output, 8)}`)
}

async function appliedCmsMigrations(databaseUrl: string): Promise<number> {
  const client = await connect(databaseUrl, "jewel-crm migrate check")
  try {
    // Two statements: PostgreSQL resolves every table a statement names before running it, so a CASE cannot guard a missing one.
    const { rows: table } = await client.query<{ found: boolean }>(`select to_regclass('payload.payload_migrations') is not null as found`)
    if (!table[0].found) {
      return 0
    }
    const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from payload.payload_migrations where batch > 0`)
    return rows[0].n
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** The whole schema of this code: the shop's, then the CMS's. */
export async function migrateShop(databaseUrl: string, projectRoot: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  await migrateWithMedusa(databaseUrl, projectRoot, env)
  await migrateCms(databaseUrl, projectRoot, env)
}
