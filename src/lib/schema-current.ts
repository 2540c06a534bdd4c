/**
 * Whether the database has everything `medusa db:migrate` would apply for
 * this build of the app: every module's migrations (Medusa's and ours), the
 * tables of the module links, and the migration scripts. Readiness answers
 * 503 until it has (docs/deployment.md#health-and-shutdown), so a new
 * version's instances take no traffic before its migrations job has run.
 */
import { readdir } from "node:fs/promises"
import path from "node:path"
import { MedusaModule } from "@medusajs/framework/modules-sdk"
import { composeTableName, dynamicImport, getResolvedPlugins, isFileSkipped } from "@medusajs/framework/utils"
import type { ConfigModule } from "@medusajs/framework/types"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/** Migration names of the modules, link tables, and migration scripts (file names without extension). */
export type SchemaParts = { migrations: string[]; links: string[]; scripts: string[] }

/** A migration file the app has, by the name the database records it under. */
type Known = { name: string; file: string }

const withoutExtension = (file: string) => path.basename(file).replace(/\.(js|ts)$/, "")

/**
 * What `expected` has that `applied` lacks, each named for the readiness
 * answer. Scripts compare without their extension: a script run in
 * development is recorded as `.ts`, the built app has it as `.js`.
 */
export function pendingSchema(expected: SchemaParts, applied: SchemaParts): string[] {
  const missing = (want: string[], have: string[]) => {
    const done = new Set(have)
    return want.filter((name) => !done.has(name))
  }
  return [
    ...missing(expected.migrations, applied.migrations).map((name) => `migration ${name}`),
    ...missing(expected.links, applied.links).map((name) => `link table ${name}`),
    ...missing(
      expected.scripts,
      applied.scripts.map((s) => withoutExtension(s))
    ).map((name) => `migration script ${name}`),
  ]
}

/** The migration files in a folder, as Medusa's migrators list them; none when there is no folder. */
async function migrationFiles(folder: string): Promise<Known[]> {
  const entries = await readdir(folder).catch(() => [] as string[])
  return entries
    .filter((f) => /\.(js|ts)$/.test(f) && !f.endsWith(".d.ts") && !/^index\.(js|ts)$/.test(f))
    .map((f) => ({ name: withoutExtension(f), file: path.join(folder, f) }))
}

/** Where a module's migrations are: beside the package a Medusa re-export points at (its `discoveryPath`), or the module itself. */
async function moduleMigrationFolder(resolutionPath: string): Promise<string> {
  const exported = (await dynamicImport(resolutionPath)) as { discoveryPath?: string }
  const discovery = typeof exported.discoveryPath === "string" ? exported.discoveryPath : resolutionPath
  return path.join(path.dirname(require.resolve(discovery, { paths: [process.cwd()] })), "migrations")
}

type Expected = { migrations: Known[]; links: string[]; scripts: Known[] }

let known: Promise<Expected> | undefined

/** Every migration, link table and script this build has: read from the files once per process. */
function expectedFiles(config: ConfigModule): Promise<Expected> {
  known ??= (async () => {
    const resolutions = MedusaModule.getAllModuleResolutions().filter((r) => typeof r.resolutionPath === "string" && r.resolutionPath)
    const folders = await Promise.all(resolutions.map((r) => moduleMigrationFolder(r.resolutionPath as string)))
    const migrations = (await Promise.all([...new Set(folders)].map(migrationFiles))).flat()
    // A link's table is named as the link module names it: its own tableName, or one composed from the two sides.
    const links = MedusaModule.getAllJoinerConfigs()
      .filter((c) => c.isLink && !c.isReadOnlyLink && c.serviceName && (c.relationships?.length ?? 0) >= 2)
      .map((c) => {
        const [from, to] = c.relationships!
        return c.databaseConfig?.tableName ?? composeTableName(from.serviceName, from.foreignKey, to.serviceName, to.foreignKey)
      })
    const plugins = await getResolvedPlugins(process.cwd(), config, true)
    const scriptFolders = [
      path.join(path.dirname(require.resolve("@medusajs/medusa")), "migration-scripts"),
      ...plugins.map((p) => path.join(p.resolve, "migration-scripts")),
    ]
    const scripts = (await Promise.all(scriptFolders.map(migrationFiles))).flat()
    return { migrations, links: [...new Set(links)], scripts }
  })()
  known.catch(() => {
    known = undefined
  })
  return known
}

const skipped = new Map<string, Promise<boolean>>()

/** A file switched off by its own config (a feature flag): Medusa's migrators skip it too. Read only for files not yet applied. */
function isSkipped(file: string): Promise<boolean> {
  if (!skipped.has(file)) {
    skipped.set(
      file,
      dynamicImport(file).then(isFileSkipped, () => false)
    )
  }
  return skipped.get(file)!
}

/** What the database still lacks, by name; empty when it is current. Three small reads per call. */
export async function pendingMigrations(db: Knex, config: ConfigModule): Promise<string[]> {
  const expected = await expectedFiles(config)
  const names = async (sql: string) => ((await db.raw(sql)) as { rows: { name: string }[] }).rows.map((r) => r.name)
  const [migrations, links, scripts] = await Promise.all([
    names("select name from mikro_orm_migrations"),
    names("select table_name as name from link_module_migrations"),
    names("select script_name as name from script_migrations where finished_at is not null"),
  ])
  const pendingFiles = (list: Known[], done: string[]) => {
    const have = new Set(done.map(withoutExtension))
    return list.filter((k) => !have.has(k.name))
  }
  // Switched-off files are dropped from what is expected, as the migrators drop them.
  const live = async (list: Known[]) => {
    const off = await Promise.all(list.map((k) => isSkipped(k.file)))
    return list.filter((_, i) => !off[i]).map((k) => k.name)
  }
  return pendingSchema(
    {
      migrations: await live(pendingFiles(expected.migrations, migrations)),
      links: expected.links,
      scripts: await live(pendingFiles(expected.scripts, scripts)),
    },
    { migrations, links, scripts }
  )
}
