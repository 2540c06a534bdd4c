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

/**
 * A new database copied from a template. Medusa's runner then finds the
 * database there (it creates it only if missing) and no migration pending.
 */
export async function cloneDatabase(template: string, database: string): Promise<void> {
  await withServer(async (client) => {
    await client.query(`CREATE DATABASE ${ident(database)} TEMPLATE ${ident(template)}`).catch((err: Error) => {
      throw new Error(`Could not copy the test template database ${template} (${err.message}); run the tests with npm test`)
    })
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
