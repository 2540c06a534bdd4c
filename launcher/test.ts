/**
 * `npm test`: runs the test layers (unit, modules, http, redis, cluster, e2e;
 * or the ones named as arguments) against a real PostgreSQL (and Redis for the
 * redis layer, which runs the app with REDIS_URL set; the cluster layer runs
 * two servers and a worker behind Debian's nginx and kills them under load;
 * the e2e layer starts the
 * app as `npm start` does and drives its admin in Debian's Chromium). DB_HOST / DB_PORT /
 * DB_USERNAME / DB_PASSWORD point at a server of yours; without DB_HOST a
 * throwaway embedded PostgreSQL is started for the run and removed after it.
 * The unit layer runs beside the others, and the redis (then cluster) and e2e
 * layers beside the http layer; the http and redis layers start from template databases
 * built once per run (docs/testing.md).
 * Ends with each failed test and the start of its message, then one line:
 * "tests: N passed, N failed".
 */
import { spawn } from "node:child_process"
import { randomBytes } from "node:crypto"
import { stripVTControlCharacters } from "node:util"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { LauncherError } from "./errors"
import { runInTurn, type LayerOutcome } from "./layers"
import { PROJECT_ROOT } from "./medusa"
import { freePort } from "./net"
import { removeCluster, startCluster, type RunningCluster } from "./postgres"
import { findNginx } from "./nginx"
import { findTestRedis, type TestRedis } from "./redis"
import { findChromium, launchBrowserServer, startApp, type RunningApp } from "./e2e"
import { TwilioLoopback } from "../integration-tests/support/twilio-loopback"
import { RazorpayLoopback, razorpaySettings } from "../integration-tests/support/razorpay-loopback"
import { PaypalLoopback, paypalSettings } from "../integration-tests/support/paypal-loopback"
import { dropTemplates } from "../integration-tests/support/templates"

const LAYERS = ["unit", "modules", "http", "redis", "cluster", "e2e"] as const
type Layer = (typeof LAYERS)[number]

type LayerResult = LayerOutcome<Layer> & {
  /** The layer's slowest spec files with their seconds, to show where the run's time goes. */
  slowest?: string[]
  /** Its slowest tests. */
  slowestTests?: string[]
}

type JestReport = {
  numPassedTests: number
  numFailedTests: number
  numPendingTests: number
  numTodoTests: number
  numRuntimeErrorTestSuites: number
  testResults: {
    name: string
    message?: string
    startTime?: number
    endTime?: number
    assertionResults: { status: string; fullName: string; failureMessages: string[]; duration?: number | null }[]
  }[]
}

/** Lines of a failure kept for the run's last lines (the rest is in the layer's own output above). */
const FAILURE_LINES = 12

/** Spec files shown per layer at the end of a run, slowest first. */
const SLOWEST_FILES = 5

/** Tests shown per layer at the end of a run, slowest first. */
const SLOWEST_TESTS = 8

/** The `count` longest of `timed`, longest first, as "N s where". */
function longest(timed: { where: string; seconds: number }[], count: number): string[] {
  return timed
    .sort((a, b) => b.seconds - a.seconds)
    .slice(0, count)
    .map(({ where, seconds }) => `${seconds.toFixed(0)} s ${where}`)
}

function slowestOf(report: JestReport): string[] {
  return longest(
    report.testResults
      .filter((file) => file.startTime && file.endTime)
      .map((file) => ({ where: path.relative(PROJECT_ROOT, file.name), seconds: (file.endTime! - file.startTime!) / 1000 })),
    SLOWEST_FILES
  )
}

/** The layer's slowest tests with their seconds (a file's time is its boot, its set-up and these). */
function slowestTestsOf(report: JestReport): string[] {
  return longest(
    report.testResults.flatMap((file) =>
      file.assertionResults.map((test) => ({
        where: `${path.basename(file.name)} › ${test.fullName.trim().slice(0, 70)}`,
        seconds: (test.duration ?? 0) / 1000,
      }))
    ),
    SLOWEST_TESTS
  )
}

/** Each failed test (or suite that failed to load) with the start of its message, for the run's last lines: a log cut short keeps its end. */
function failuresOf(report: JestReport): string[] {
  const brief = (message: string) =>
    stripVTControlCharacters(message)
      .split("\n")
      .filter((line) => line.trim() && !/node_modules\/|node:internal|new Promise \(<anonymous>\)/.test(line))
      .slice(0, FAILURE_LINES)
      .map((line) => `      ${line.trim()}`)
      .join("\n")
  return report.testResults.flatMap((file) => {
    const where = path.relative(PROJECT_ROOT, file.name)
    const failedTests = file.assertionResults.filter((a) => a.status === "failed")
    if (!failedTests.length) {
      return file.message && file.assertionResults.length === 0 ? [`    ${where}\n${brief(file.message)}`] : []
    }
    return failedTests.map((a) => `    ${where} › ${a.fullName}\n${brief(a.failureMessages.join("\n"))}`)
  })
}

type JestRun = {
  layer: Layer | "templates"
  env: NodeJS.ProcessEnv
  extraArgs: string[]
  workers?: number
  /** Keep the output until the end (a layer run beside others). */
  quiet?: boolean
  /** Print the "=== layer tests ===" heading (not when the caller did). */
  heading?: boolean
}

/** Jest workers per layer: the http files each boot an app on a database of their own and spend much of their time waiting on it, so four run at once on two cores. */
const WORKERS: Partial<Record<Layer, number>> = { http: Math.min(4, os.availableParallelism() + 2) }

function runJest({ layer, env, extraArgs, workers = 1, quiet = false, heading = !quiet }: JestRun): Promise<LayerResult & { output: string }> {
  const started = Date.now()
  const resultFile = path.join(os.tmpdir(), `jewel-crm-jest-${layer}-${randomBytes(4).toString("hex")}.json`)
  const jestBin = require.resolve("jest/bin/jest", { paths: [PROJECT_ROOT] })
  // Each worker is replaced once it holds more than 1.5 GB: every http spec boots
  // a whole Medusa app, and what each leaves behind would otherwise add up past the heap limit.
  const args = [jestBin, `--maxWorkers=${workers}`, "--workerIdleMemoryLimit=1536MB", "--forceExit", "--json", `--outputFile=${resultFile}`, ...extraArgs]
  if (heading) {
    process.stdout.write(`\n=== ${layer} tests ===\n`)
  }
  const child = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    // A layer run beside another keeps its output until it ends, so the two do not interleave.
    stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    env: { ...env, TEST_TYPE: layer, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ""} --experimental-vm-modules`.trim() },
  })
  let output = ""
  child.stdout?.on("data", (d) => (output += d))
  child.stderr?.on("data", (d) => (output += d))
  return new Promise((resolve) => {
    child.on("exit", (code, signal) => {
      const exitCode = code ?? (signal ? 1 : 0)
      let passed = 0
      let failed = 0
      let skipped = 0
      let failures: string[] = []
      let slowest: string[] = []
      let slowestTests: string[] = []
      try {
        const report = JSON.parse(fs.readFileSync(resultFile, "utf8")) as JestReport
        failures = failuresOf(report)
        slowest = slowestOf(report)
        slowestTests = slowestTestsOf(report)
        passed = report.numPassedTests
        // A suite that fails to load counts as a failure even if it ran no test.
        failed = report.numFailedTests + report.numRuntimeErrorTestSuites
        skipped = report.numPendingTests + report.numTodoTests
        fs.rmSync(resultFile, { force: true })
      } catch {
        failed = Math.max(failed, 1)
      }
      if (exitCode !== 0 && failed === 0) {
        failed = 1
      }
      resolve({ layer: layer as Layer, passed, failed, skipped, exitCode, seconds: (Date.now() - started) / 1000, failures, slowest, slowestTests, output })
    })
  })
}

type TemplatesBuilt = { seconds: number; output: string; failed: boolean }

/**
 * Builds the run's template databases (support/templates.ts) once, for the http and redis layers both: the
 * schema is the same with or without Redis (the Redis workflow engine keeps its executions in the table the
 * in-memory one makes; support/runner.ts), so the second layer waits for the first's build instead of doing it again.
 */
function templatesBuilder(env: NodeJS.ProcessEnv, points: string): () => Promise<TemplatesBuilt> {
  let build: Promise<TemplatesBuilt> | undefined
  return () =>
    (build ??= runJest({ layer: "templates", env: { ...env, JEWEL_TEST_TEMPLATE_POINTS: points }, extraArgs: [], quiet: true }).then((run) => ({
      seconds: run.seconds,
      output: run.output,
      failed: run.failed > 0 || run.passed === 0,
    })))
}

/** Waits for the run's templates on behalf of a layer; the seconds it waited, or a failed result. */
async function awaitTemplates(layer: Layer, templates: () => Promise<TemplatesBuilt>, points: string, out: Output): Promise<{ seconds: number; failure?: LayerResult }> {
  const started = Date.now()
  out.write(`\n=== ${layer} tests ===\nTemplate databases (${points}) …\n`)
  const built = await templates()
  const seconds = (Date.now() - started) / 1000
  if (built.failed) {
    out.write(built.output)
    out.write(`Building the template databases for the ${layer} tests failed (output above).\n`)
    return { seconds, failure: { layer, passed: 0, failed: 1, skipped: 0, exitCode: 1, seconds } }
  }
  out.write(`Template databases ready in ${built.seconds.toFixed(1)} s\n`)
  return { seconds }
}

/** Where a layer's lines go: straight out, or kept until the layer ends when it runs beside another. */
type Output = { write: (text: string) => void; kept: () => string; live: boolean }

function liveOutput(): Output {
  return { write: (text) => void process.stdout.write(text), kept: () => "", live: true }
}

function keptOutput(): Output {
  let text = ""
  return { write: (more) => void (text += more), kept: () => text, live: false }
}

/** A jest run of a layer that writes through `out` (its heading already written by the caller). */
async function runLayerJest(out: Output, run: Omit<JestRun, "quiet" | "heading">): Promise<LayerResult> {
  const result = await runJest({ ...run, quiet: !out.live, heading: false })
  out.write(result.output)
  const { output: _output, ...rest } = result
  return rest
}

type E2eStart = {
  app: Promise<RunningApp | Error>
  started: number
  dataDir: string
  chromium: string
  admin: { email: string; password: string }
  /** The app's SMS provider: Twilio's API on loopback, read by the tests through the official SDK (sign-in codes). */
  twilio: TwilioLoopback
  /** The storefront's online payments: Razorpay's API and a stand-in for its checkout widget, on loopback. */
  razorpay: RazorpayLoopback
  /** PayPal's API and its buyer's approval page, on loopback. */
  paypal: PaypalLoopback
}

/** Starts the app the e2e layer drives, on a database of its own; a failure is kept for the e2e layer to report. */
function startE2eApp(env: NodeJS.ProcessEnv, chromium: string): E2eStart {
  const dataDir = path.join(os.tmpdir(), `jewel-crm-e2e-${process.pid}-${randomBytes(3).toString("hex")}`)
  const admin = { email: "e2e-admin@jewel-crm.local", password: randomBytes(12).toString("base64url") }
  const databaseUrl = `postgres://${env.DB_USERNAME ?? "postgres"}${env.DB_PASSWORD ? `:${encodeURIComponent(env.DB_PASSWORD)}` : ""}@${env.DB_HOST}:${env.DB_PORT ?? 5432}/jewel_e2e_${randomBytes(3).toString("hex")}`
  process.stdout.write("Starting the app for the e2e tests as `npm start` does (migrate, build the admin, seed the demo shop), beside the other layers …\n")
  const twilio = new TwilioLoopback()
  const razorpay = new RazorpayLoopback()
  const paypal = new PaypalLoopback()
  const stopLoopbacks = () => Promise.all([twilio.stop(), razorpay.stop(), paypal.stop()]).then(() => undefined)
  const app = Promise.all([twilio.start(), razorpay.start(), paypal.start()])
    .then(() =>
      startApp(
        { ...env, ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, ...twilioSettings(twilio), ...razorpaySettings()(razorpay), ...paypalSettings()(paypal), RAZORPAY_CHECKOUT_SCRIPT: `${razorpay.origin}/v1/checkout.js` },
        databaseUrl,
        dataDir
      )
    )
    .then((started): RunningApp => ({ ...started, stop: () => started.stop().finally(stopLoopbacks) }))
    .catch((err: unknown) => {
      void stopLoopbacks()
      return err instanceof Error ? err : new Error(String(err))
    })
  return { app, started: Date.now(), dataDir, chromium, admin, twilio, razorpay, paypal }
}

/** How the e2e app (and its tests) reach the loopback Twilio. */
function twilioSettings(twilio: TwilioLoopback): NodeJS.ProcessEnv {
  return { TWILIO_ACCOUNT_SID: twilio.accountSid, TWILIO_AUTH_TOKEN: twilio.authToken, TWILIO_SMS_FROM: "+15005550006", TWILIO_API_BASE: twilio.origin }
}

/**
 * Where the throwaway cluster keeps its data: /dev/shm (memory) when it is
 * there with room to spare. Medusa's runner copies each spec file's database
 * from a template before every test, and a copy is some two thousand files:
 * about 3 s each on the disk of a busy two-core machine, 0.1 to 0.2 s in memory.
 */
function scratchDir(): string {
  const shm = "/dev/shm"
  try {
    fs.accessSync(shm, fs.constants.W_OK)
    const { bavail, bsize } = fs.statfsSync(shm)
    if (bavail * bsize > 2 * 1024 ** 3) {
      return shm
    }
  } catch {
    // no /dev/shm here
  }
  return os.tmpdir()
}

async function main() {
  const args = process.argv.slice(2)
  const named = args.filter((a): a is Layer => (LAYERS as readonly string[]).includes(a))
  const jestArgs = args.filter((a) => !(LAYERS as readonly string[]).includes(a))
  const layers: Layer[] = named.length ? named : [...LAYERS]
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "test", LOG_LEVEL: process.env.LOG_LEVEL ?? "error" }
  // A fresh key per run: tests store encrypted PANs like production does.
  env.PII_ENCRYPTION_KEY ||= randomBytes(32).toString("hex")
  // Likewise a JWT secret of its own, so sign-in tokens are signed and checked as on a server (medusa-config.ts).
  env.JWT_SECRET ||= randomBytes(32).toString("hex")
  delete env.DATABASE_URL
  delete env.REDIS_URL

  let cluster: RunningCluster | undefined
  let clusterDir: string | undefined
  const needsDatabase = layers.some((l) => l !== "unit")
  if (needsDatabase && !env.DB_HOST) {
    clusterDir = path.join(scratchDir(), `jewel-crm-test-pg-${process.pid}-${randomBytes(3).toString("hex")}`)
    const port = await freePort()
    const started = Date.now()
    cluster = await startCluster({
      dataDir: clusterDir,
      port,
      // A throwaway cluster: durability buys nothing here and costs time.
      // Nor does WAL for a standby or archive: with wal_level=minimal, the copy of a template Medusa's runner makes
      // before each test is not written to the WAL page by page, and fewer checkpoints interrupt the run.
      settings: { fsync: "off", synchronous_commit: "off", full_page_writes: "off", listen_addresses: "localhost", wal_level: "minimal", max_wal_senders: "0", max_wal_size: "8GB" },
    })
    // "localhost", not 127.0.0.1: Medusa's test runner asks for TLS on any other host name.
    env.DB_HOST = "localhost"
    env.DB_PORT = String(port)
    env.DB_USERNAME = "postgres"
    env.DB_PASSWORD = ""
    process.stdout.write(
      `Embedded PostgreSQL for the tests on localhost:${port} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)\n`
    )
  } else if (needsDatabase) {
    process.stdout.write(`PostgreSQL for the tests: ${env.DB_HOST}:${env.DB_PORT ?? 5432} (DB_HOST)\n`)
  }

  let redis: TestRedis | undefined
  let app: RunningApp | undefined
  const cleanUp = () => {
    redis?.stop()
    redis = undefined
    // The app's launcher stops its server on SIGTERM; do not wait for it here.
    void app?.stop()
    app = undefined
    if (cluster) {
      cluster.stop()
      cluster = undefined
    }
    if (clusterDir) {
      removeCluster(clusterDir)
      clusterDir = undefined
    }
  }
  process.on("SIGINT", () => {
    cleanUp()
    process.exit(130)
  })
  process.on("SIGTERM", () => {
    cleanUp()
    process.exit(143)
  })

  // Names of this run's template databases (support/templates.ts), dropped at the end.
  const templatePrefix = `jt_tpl_${process.pid}_${randomBytes(3).toString("hex")}`
  env.JEWEL_TEST_TEMPLATES = templatePrefix

  const results: LayerResult[] = []
  // The e2e app starts as `npm start` does (migrations, admin build, full seed: minutes), so it starts with
  // the run, beside the other layers, and is ready or nearly so when the e2e layer comes.
  const chromium = layers.includes("e2e") ? findChromium() : undefined
  const e2e = chromium ? startE2eApp(env, chromium) : undefined
  let e2eConsumed = false
  if (e2e) {
    void e2e.app.then((started) => {
      if (!(started instanceof Error)) {
        app = started
      }
    })
  }
  // The http files start from the schema or the demo shop; the redis files from the schema only; the cluster from the demo shop.
  const templatePoints = layers.includes("http") || layers.includes("cluster") ? "schema,seeded" : "schema"
  const buildTemplates = templatesBuilder(env, templatePoints)
  // The unit layer needs no database: it runs beside the others, its output shown when it ends.
  const runsBeside = layers.includes("unit") && layers.length > 1
  const unitRun = runsBeside ? runJest({ layer: "unit", env, extraArgs: jestArgs, quiet: true }) : undefined
  const runRedis = async (out: Output): Promise<LayerResult> => {
    redis = await findTestRedis(env)
    if (!redis) {
      out.write("\n=== redis tests ===\nNo Redis found: set TEST_REDIS_URL, install redis-server, or run one on 127.0.0.1:6379.\n")
      return { layer: "redis", passed: 0, failed: 0, skipped: 1, exitCode: 0, seconds: 0 }
    }
    const redisEnv = { ...env, REDIS_URL: redis.url }
    // Both redis spec files start from the empty schema.
    const templates = await awaitTemplates("redis", buildTemplates, templatePoints, out)
    if (templates.failure) {
      return templates.failure
    }
    out.write(`Redis for the tests: ${redis.source}\n`)
    const run = await runLayerJest(out, { layer: "redis", env: redisEnv, extraArgs: jestArgs })
    return { ...run, seconds: run.seconds + templates.seconds }
  }
  const runHttp = async (out: Output): Promise<LayerResult> => {
    const templates = await awaitTemplates("http", buildTemplates, templatePoints, out)
    if (templates.failure) {
      return templates.failure
    }
    const run = await runLayerJest(out, { layer: "http", env, extraArgs: jestArgs, workers: WORKERS.http })
    return { ...run, seconds: run.seconds + templates.seconds }
  }
  const runE2e = async (out: Output): Promise<LayerResult> => {
    out.write("\n=== e2e tests ===\n")
    if (!e2e) {
      out.write("No Chromium: set CHROMIUM_PATH or install Debian's chromium (apt-get install chromium).\n")
      return { layer: "e2e", passed: 0, failed: 0, skipped: 1, exitCode: 0, seconds: 0 }
    }
    const waited = Date.now()
    e2eConsumed = true
    const started = await e2e.app
    if (started instanceof Error) {
      fs.rmSync(e2e.dataDir, { recursive: true, force: true })
      throw started
    }
    app = started
    out.write(
      `App up at ${app.baseUrl} after ${((Date.now() - e2e.started) / 1000).toFixed(0)} s (started with the run; waited ${((Date.now() - waited) / 1000).toFixed(0)} s for it here)\n`
    )
    let browser: Awaited<ReturnType<typeof launchBrowserServer>> | undefined
    try {
      browser = await launchBrowserServer(e2e.chromium)
      const run = await runLayerJest(out, {
        layer: "e2e",
        env: {
          ...env,
          E2E_BASE_URL: app.baseUrl,
          E2E_STOREFRONT_URL: app.storefrontUrl,
          E2E_ADMIN_EMAIL: e2e.admin.email,
          E2E_ADMIN_PASSWORD: e2e.admin.password,
          CHROMIUM_PATH: e2e.chromium,
          E2E_BROWSER_WS: browser.wsEndpoint,
          E2E_ARTIFACTS: e2e.dataDir,
          ...twilioSettings(e2e.twilio),
        },
        extraArgs: jestArgs,
      })
      // The layer's time: what the run waited for the app, and the tests.
      return { ...run, seconds: (Date.now() - waited) / 1000 }
    } finally {
      await browser?.close().catch(() => undefined)
      await app.stop()
      app = undefined
      fs.rmSync(e2e.dataDir, { recursive: true, force: true })
    }
  }
  const runCluster = async (out: Output): Promise<LayerResult> => {
    const skip = (why: string): LayerResult => {
      out.write(`\n=== cluster tests ===\n${why}\n`)
      return { layer: "cluster", passed: 0, failed: 0, skipped: 1, exitCode: 0, seconds: 0 }
    }
    const nginx = findNginx()
    if (!nginx) {
      return skip("No nginx: set NGINX_PATH or install Debian's nginx (apt-get install nginx).")
    }
    // A Redis of its own: the cluster's queues and locks start empty.
    const clusterRedis = await findTestRedis(env)
    if (!clusterRedis) {
      return skip("No Redis found: set TEST_REDIS_URL, install redis-server, or run one on 127.0.0.1:6379.")
    }
    try {
      const templates = await awaitTemplates("cluster", buildTemplates, templatePoints, out)
      if (templates.failure) {
        return templates.failure
      }
      out.write(`nginx: ${nginx}; Redis: ${clusterRedis.source}\n`)
      const run = await runLayerJest(out, { layer: "cluster", env: { ...env, REDIS_URL: clusterRedis.url, NGINX_PATH: nginx }, extraArgs: jestArgs })
      return { ...run, seconds: run.seconds + templates.seconds }
    } finally {
      clusterRedis.stop()
    }
  }
  const runModules = async (out: Output): Promise<LayerResult> => {
    out.write("\n=== modules tests ===\n")
    return runLayerJest(out, { layer: "modules", env, extraArgs: jestArgs })
  }
  const runners: Record<Exclude<Layer, "unit">, (out: Output) => Promise<LayerResult>> = { modules: runModules, http: runHttp, redis: runRedis, cluster: runCluster, e2e: runE2e }

  try {
    if (layers.includes("unit") && !unitRun) {
      process.stdout.write("\n=== unit tests ===\n")
      results.push(await runLayerJest(liveOutput(), { layer: "unit", env, extraArgs: jestArgs }))
    }
    // The http layer is the long one: the modules, redis and e2e layers run beside it (their output kept until
    // they end), so the two cores stay busy while its files wait on the network or an event. The cluster layer
    // follows the redis layer, so no more than three of its own processes add to the load at once.
    const slots = ([["http"], ["modules"], ["redis", "cluster"], ["e2e"]] as const)
      .map((slot) => slot.filter((l) => layers.includes(l)))
      .filter((slot) => slot.length > 0)
    const runSlot = (slot: readonly Exclude<Layer, "unit">[], out: Output): Promise<LayerResult[]> =>
      runInTurn(slot, (layer) => runners[layer](out), out.write)
    const [lead, ...others] = slots
    if (lead) {
      const besides = others.map((slot) => {
        const out = keptOutput()
        return { out, run: runSlot(slot, out) }
      })
      // A slot's layers never reject (runInTurn turns a layer that could not run into a failed result), so every
      // slot's results and kept output are printed.
      results.push(...(await runSlot(lead, liveOutput())))
      const besideResults = await Promise.all(besides.map((b) => b.run))
      besideResults.forEach((slotResults, i) => {
        process.stdout.write(besides[i].out.kept())
        results.push(...slotResults)
      })
    }
    if (unitRun) {
      const unit = await unitRun
      process.stdout.write(`\n=== unit tests (ran beside the others) ===\n${unit.output}`)
      results.unshift(unit)
    }
  } finally {
    if (e2e && !e2eConsumed) {
      // A layer before e2e failed to run: the app started for it is stopped all the same.
      const started = await e2e.app
      if (!(started instanceof Error)) {
        await started.stop()
      }
      app = undefined
      fs.rmSync(e2e.dataDir, { recursive: true, force: true })
    }
    if (env.DB_HOST && !cluster) {
      // A server of yours keeps what it is given: the templates go at the end of the run.
      await dropTemplates(templatePrefix).catch(() => undefined)
    }
    cleanUp()
  }

  process.stdout.write("\n")
  for (const r of results) {
    process.stdout.write(
      `  ${r.layer.padEnd(8)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed ` +
        `${String(r.skipped).padStart(3)} skipped  ${r.seconds.toFixed(1)} s\n`
    )
    if (r.slowest?.length && r.seconds > 60) {
      process.stdout.write(`           slowest: ${r.slowest.join(", ")}\n`)
      if (r.slowestTests?.length) {
        process.stdout.write(`           slowest tests: ${r.slowestTests.join(", ")}\n`)
      }
    }
  }
  // The failures come last but one, so a log that keeps only its end still names them.
  const failures = results.flatMap((r) => (r.failures ?? []).map((f) => `  ${r.layer}: ${f.trimStart()}`))
  if (failures.length) {
    process.stdout.write(`failed:\n${failures.join("\n")}\n`)
  }
  const passed = results.reduce((n, r) => n + r.passed, 0)
  const failed = results.reduce((n, r) => n + r.failed, 0)
  const skipped = results.reduce((n, r) => n + r.skipped, 0)
  process.stdout.write(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}\n`)
  process.exit(failed > 0 || passed === 0 ? 1 : 0)
}

main().catch((err) => {
  process.stderr.write(
    `jewel-crm tests: ${err instanceof LauncherError ? err.message : err instanceof Error ? err.stack : String(err)}\n`
  )
  process.exit(1)
})
