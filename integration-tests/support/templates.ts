/**
 * Template databases for the http and redis layers (docs/testing.md): the
 * launcher has them built once per run (templates/build.spec.ts) and each
 * spec file starts from a copy instead of migrating and seeding on its own.
 */
import { Client } from "pg"

/** What a spec file's database holds when its app boots. */
export type StartingPoint = "schema" | "seeded"

export const STARTING_POINTS: StartingPoint[] = ["schema", "seeded"]

/**
 * The template for a starting point, or undefined when the run has none
 * (jest started by hand): the spec then migrates and seeds as Medusa's runner
 * does by default. The http and redis layers share them: the Redis workflow
 * engine keeps its executions in the table the in-memory one made here, and
 * the other Redis modules have none (support/runner.ts).
 */
export function templateName(point: StartingPoint): string | undefined {
  const prefix = process.env.JEWEL_TEST_TEMPLATES
  return prefix ? `${prefix}_${point}` : undefined
}

/** The server the tests use, as Medusa's test runner reads it (DB_* variables). */
async function withServer<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({
    host: process.env.DB_HOST ?? "localhost",
    port: Number(process.env.DB_PORT ?? 5432),
    user: process.env.DB_USERNAME ?? "postgres",
    password: process.env.DB_PASSWORD || undefined,
    database: "postgres",
  })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end().catch(() => undefined)
  }
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`

let strategy: Promise<string> | undefined

/**
 * How CREATE DATABASE copies here: file by file on the run's own throwaway
 * cluster (PostgreSQL 15 and later, fsync off). The default (WAL_LOG) writes
 * every block of the copy to the WAL as well; for a test database of some
 * two thousand files that costs about 0.6 s of the server's CPU a copy
 * against about 0.1 s, and Medusa's runner copies one before every test
 * (docs/testing.md, "Test time"). A server that syncs to disk keeps the
 * default: a file copy's two checkpoints would cost it more.
 */
function copyStrategy(client: Client): Promise<string> {
  strategy ??= client
    .query<{ v: string; fsync: string }>("SELECT current_setting('server_version_num') AS v, current_setting('fsync') AS fsync")
    .then(({ rows }) => (Number(rows[0].v) >= 150000 && rows[0].fsync === "off" ? " STRATEGY FILE_COPY" : ""))
    .catch((err: unknown) => {
      strategy = undefined
      throw err
    })
  return strategy
}

async function copyDatabase(client: Client, template: string, database: string): Promise<void> {
  await client.query(`CREATE DATABASE ${ident(database)} TEMPLATE ${ident(template)}${await copyStrategy(client)}`)
}

/**
 * A new database copied from a template. Medusa's runner then finds the
 * database there (it creates it only if missing) and no migration pending.
 */
export async function cloneDatabase(template: string, database: string): Promise<void> {
  await withServer(async (client) => {
    await copyDatabase(client, template, database).catch((err: Error) => {
      throw new Error(`Could not copy the test template database ${template} (${err.message}); run the tests with npm test`)
    })
  })
}

const terminate = (client: Client, database: string) =>
  client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [database])

/**
 * Medusa's runner's snapshot (a file's or a suite's starting point) and its
 * restore before every test, made with copyStrategy: the same steps, the
 * copy file by file. Jest gives each spec file modules of its own, so this
 * changes the runner of the file that calls it.
 */
export function copyFileByFile(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const runnerCopies = require("@medusajs/test-utils/dist/medusa-test-runner-utils/postgres-template") as Record<string, unknown>
  type Copy = { databaseName: string; templateName: string }
  runnerCopies.restorePostgresDatabaseFromTemplate = ({ databaseName, templateName }: Copy) =>
    withServer(async (client) => {
      await drop(client, databaseName)
      await terminate(client, templateName)
      await copyDatabase(client, templateName, databaseName)
    })
  runnerCopies.createPostgresDatabaseTemplate = ({ databaseName, templateName }: Copy) =>
    withServer(async (client) => {
      await drop(client, templateName)
      await client.query(`ALTER DATABASE ${ident(databaseName)} WITH ALLOW_CONNECTIONS false`)
      try {
        await terminate(client, databaseName)
        await copyDatabase(client, databaseName, templateName)
      } finally {
        await client.query(`ALTER DATABASE ${ident(databaseName)} WITH ALLOW_CONNECTIONS true`)
      }
    })
}

/** Drops a database of the run (a template a spec file made for itself). */
export async function dropDatabase(database: string): Promise<void> {
  await withServer((client) => drop(client, database))
}

const drop = (client: Client, database: string) => client.query(`DROP DATABASE IF EXISTS ${ident(database)} WITH (FORCE)`)

/** Drops the templates whose names start with `prefix` (the end of a run). */
export async function dropTemplates(prefix: string): Promise<void> {
  await withServer(async (client) => {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${prefix}\\_%`])
    for (const { datname } of rows) {
      await drop(client, datname)
    }
  })
}

/**
 * Stands in for `medusa db:migrate` on an empty database the restore drill
 * made: the database replaced by a copy of the run's schema template, in a
 * second instead of a migration's half minute. Only for backups of a
 * database copied from the run's templates (their migration state is the
 * template's).
 */
export async function migrateFromTemplate(databaseUrl: string): Promise<void> {
  const schema = templateName("schema")
  if (!schema) {
    throw new Error("migrateFromTemplate needs the run's template databases: run the tests with npm test")
  }
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1))
  await dropDatabase(name)
  await cloneDatabase(schema, name)
}
