/**
 * The one set-up every http and redis spec file uses: Medusa's integration
 * test runner (an app booted on a database of the file's own, restored to
 * its state after the file's beforeAll hooks before each test) on a copy of
 * the run's template database, so no file migrates or seeds on its own.
 *
 *   shopIntegrationRunner({ testSuite: ({ api, getContainer }) => { … } })
 *
 * `start: "seeded"` (the default) boots on the demo shop with its owner login
 * (demoShop() in http/helpers.ts then only signs in); `start: "schema"` boots
 * on the migrated, empty schema, for specs that seed or create users themselves.
 *
 * An app boot costs some ten seconds of a core, so suites that need nothing of
 * their own from the app (no environment, no loopback server) share one:
 *
 *   shopIntegrationSuites({ suites: { "CRM activity": crmActivitySuite, … } })
 */
import fs from "node:fs"
import path from "node:path"
import { randomBytes } from "node:crypto"
import { medusaIntegrationTestRunner, type MedusaSuiteOptions } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import type { ICachingModuleService, MedusaContainer } from "@medusajs/framework/types"
import { cloneDatabase, copyFileByFile, dropDatabase, templateName, type StartingPoint } from "./templates"
import { stopScheduledJobs } from "./schedule"
import { clearOfShopMidnight, trackSubscribers, workflowsFinished } from "./wait"

/**
 * How long a file takes in a full run (file-seconds.json, a minute over; three minutes for a file not listed):
 * a file that would run into midnight in India waits for the day to turn first (see clearOfShopMidnight).
 */
function fileMarginMs(testPath: string): number {
  const seconds = JSON.parse(fs.readFileSync(path.join(__dirname, "file-seconds.json"), "utf8")) as Record<string, number>
  const known = seconds[path.relative(path.resolve(__dirname, "../.."), testPath).split(path.sep).join("/")]
  return ((known ?? 120) + 60) * 1000
}

export type ShopRunnerOptions = {
  start?: StartingPoint
  /** Environment for the app (applied while the file runs). */
  env?: Record<string, string>
  testSuite: (options: MedusaSuiteOptions) => void
}

/** The body of a spec: its hooks and tests, written as it would be inside shopIntegrationRunner's testSuite. */
export type ShopSuite = (options: MedusaSuiteOptions) => void

export function shopIntegrationRunner({ start = "seeded", env = {}, testSuite }: ShopRunnerOptions): void {
  const file = path.basename(expect.getState().testPath ?? "spec", ".spec.ts").replace(/[^a-z0-9]+/gi, "_").slice(0, 30)
  // Unique per file and run, so two jest workers never share one.
  const dbName = `jt_${file}_${randomBytes(4).toString("hex")}`
  const template = templateName(start)
  if (template) {
    // Runs before the runner's own beforeAll (an outer hook), which then reuses the copy.
    beforeAll(() => cloneDatabase(template, dbName))
    skipRunnerMigrations()
  }
  copyFileByFile()
  // Files share one Redis in the redis layer, and copies of one template have the same ids (same cache keys).
  // Set here, not in `env`: the runner loads medusa-config.ts before it applies `env`.
  beforeAll(() => {
    process.env.REDIS_CACHE_PREFIX = `${dbName}:`
  })
  // A file's set-up and its tests run within one shop day: what a set-up records "today" is read as today's.
  const margin = fileMarginMs(expect.getState().testPath ?? "")
  beforeAll(() => clearOfShopMidnight(margin), margin + 30_000)
  medusaIntegrationTestRunner({
    inApp: true,
    dbName,
    env,
    testSuite: (options) => {
      beforeAll(() => trackSubscribers(options.getContainer()))
      // The specs run each job's function themselves; a quarter-hour or nightly tick of the app's own schedule
      // must not write into a file's tables while it runs (the fuzz suite counts every table's changes).
      beforeAll(() => stopScheduledJobs())
      // The runner puts the database back before each test; what was cached from it goes too.
      beforeEach(() => flushCache(options.getContainer()))
      afterAll(() => flushCache(options.getContainer()))
      testSuite(options)
    },
  })
}

/**
 * A copy of a template is migrated and its links synced already (templates/build.spec.ts does both, as Medusa's
 * runner would): the runner's own pass over every module's migrations and the link plan, some five seconds of a
 * core per file, would find nothing to do. The redis layer too: the Redis workflow engine keeps its executions in
 * the workflow_execution table the in-memory one made in the template (its own migration files, other names for
 * the same table, are run by `medusa db:migrate` on a real deployment); the other Redis modules have no tables.
 * Jest gives each spec file modules of its own, so this changes the runner of this file only.
 */
function skipRunnerMigrations() {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const useDb = require("@medusajs/test-utils/dist/medusa-test-runner-utils/use-db") as Record<string, unknown>
  useDb.migrateDatabase = async () => undefined
  useDb.syncLinks = async () => undefined
}

async function flushCache(container: MedusaContainer | undefined) {
  await container?.resolve<ICachingModuleService | undefined>(Modules.CACHING, { allowUnregistered: true })?.clear({ tags: ["*"] })
}

/**
 * Several suites (`*.suite.ts`) on one app boot, each in a describe block of
 * its name. Each suite starts from the database as the app booted on it, runs
 * its own beforeAll set-up, and its tests are restored to the state after
 * that set-up, as each would be in a file of its own.
 */
export function shopIntegrationSuites({ start, env, suites }: Omit<ShopRunnerOptions, "testSuite"> & { suites: Record<string, ShopSuite> }): void {
  shopIntegrationRunner({
    start,
    env,
    testSuite: (options) => {
      const booted = `${options.dbConfig.dbName}_boot`
      beforeAll(() => options.dbUtils.snapshot({ templateName: booted }))
      afterAll(() => dropDatabase(booted))
      Object.entries(suites).forEach(([name, suite], index) => {
        describe(name, () => {
          if (index > 0) {
            beforeAll(async () => {
              await options.dbUtils.restore({ templateName: booted })
              await flushCache(options.getContainer())
            })
          }
          suite(options)
          // Before the runner's own wait after each test (an outer hook), which has no end and names nothing.
          afterEach(() => workflowsFinished(options.getContainer(), { timeout: 45_000 }), 60_000)
          // After the suite's own beforeAll hooks: its tests are restored to this (and the next restore is skipped).
          beforeAll(() => options.dbUtils.snapshot())
        })
      })
    },
  })
}
