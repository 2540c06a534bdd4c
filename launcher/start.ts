/**
 * `npm start` / `npm run dev`: everything a fresh machine needs, in order.
 *
 * 1. PostgreSQL: DATABASE_URL, or an embedded server with data in .data/pg.
 * 2. Migrations (skipped when nothing that shapes the schema has changed).
 * 3. The admin build (`npm start` only; rebuilt when its sources changed).
 * 4. The demo shop seed and the first admin user (once); Razorpay/PayPal offered
 *    in the regions when their settings changed.
 * 5. The storefront's build (when its sources changed; `STOREFRONT=false` skips it).
 *    Steps 3 and 5 run beside 2 and 4.
 * 6. `medusa start` (or `medusa develop`), then the storefront beside it, then a
 *    summary of URLs and logins.
 *
 * Ctrl-C or SIGTERM stops the storefront and the Medusa server first, then the embedded database.
 */
import { createHash } from "node:crypto"
import type { ChildProcess } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { redact, type DatabaseTarget } from "./database"
import { LauncherError } from "./errors"
import { applyLocalSecrets, cmsSecret, DATA_DIR, LOG_DIR, prepareDatabase, SHOWN_DATA_DIR } from "./local"
import { PROJECT_ROOT, runMedusa, signalGroup, spawnMedusa, stopRunningSteps } from "./medusa"
import { assertPortFree, parsePort } from "./net"
import { readShopState } from "./shop-state"
import { buildStorefront, cmsCredentialsFile, startStorefront, STOREFRONT_DIR, storefrontKey, storefrontWanted, type RunningStorefront } from "./storefront"
import { cookieSecureDefault, productionConfigError } from "../src/lib/secrets"

const ADMIN_OUT_DIR = path.join(PROJECT_ROOT, "public", "admin")
const DEFAULT_ADMIN_EMAIL = "admin@jewel-crm.local"
const CMS_DATA_DIR = path.join(DATA_DIR, "cms")

const started = Date.now()
function say(message: string) {
  const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(5)
  process.stdout.write(`[jewel-crm ${seconds}s] ${message}\n`)
}

function hashFiles(hash: ReturnType<typeof createHash>, target: string) {
  if (!fs.existsSync(target)) {
    return
  }
  const stat = fs.statSync(target)
  if (stat.isDirectory()) {
    for (const entry of fs.readdirSync(target).sort()) {
      if (entry !== "__tests__" && entry !== "node_modules") {
        hashFiles(hash, path.join(target, entry))
      }
    }
    return
  }
  hash.update(path.relative(PROJECT_ROOT, target))
  hash.update(fs.readFileSync(target))
}

function fingerprint(paths: string[], extra: string[] = []): string {
  const hash = createHash("sha256")
  for (const p of paths) {
    hashFiles(hash, path.join(PROJECT_ROOT, p))
  }
  extra.forEach((e) => hash.update(e))
  return hash.digest("hex")
}

/** What decides the database schema: module migrations, links, installed Medusa, Redis modules. */
function schemaFingerprint(): string {
  const moduleMigrations = fs.existsSync(path.join(PROJECT_ROOT, "src/modules"))
    ? fs.readdirSync(path.join(PROJECT_ROOT, "src/modules")).map((m) => `src/modules/${m}/migrations`)
    : []
  return fingerprint(
    ["package-lock.json", "medusa-config.ts", "src/links", "src/migration-scripts", ...moduleMigrations],
    [process.env.REDIS_URL ? "redis" : "memory"]
  )
}

function storefrontFingerprint(): string {
  const sources = fs.readdirSync(STOREFRONT_DIR).filter((entry) => ![".next", "node_modules"].includes(entry))
  return fingerprint(["package-lock.json", ...sources.map((entry) => path.join("storefront", entry))])
}

function adminFingerprint(): string {
  return fingerprint(["package-lock.json", "medusa-config.ts", "src/admin"], [process.env.MEDUSA_BACKEND_URL ?? ""])
}

type Stamps = Record<string, string>

function readStamps(): Stamps {
  const file = path.join(DATA_DIR, "stamps.json")
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Stamps) : {}
}

function writeStamp(key: string, value: string) {
  const stamps = readStamps()
  stamps[key] = value
  fs.writeFileSync(path.join(DATA_DIR, "stamps.json"), JSON.stringify(stamps, null, 2))
}

async function migrate(env: NodeJS.ProcessEnv, target: DatabaseTarget) {
  const key = `schema:${createHash("sha256").update(redact(target.url)).digest("hex").slice(0, 16)}`
  const wanted = schemaFingerprint()
  const state = await readShopState(target)
  if (state.migrated && readStamps()[key] === wanted) {
    say("Migrations: up to date")
    return
  }
  say("Migrations: running `medusa db:migrate` …")
  await runMedusa(["db:migrate"], env, path.join(LOG_DIR, "migrate.log"), "Database migration")
  writeStamp(key, wanted)
  say("Migrations: done")
}

async function buildAdmin(env: NodeJS.ProcessEnv) {
  if (env.DISABLE_MEDUSA_ADMIN === "true") {
    return
  }
  const stampFile = path.join(ADMIN_OUT_DIR, ".fingerprint")
  const wanted = adminFingerprint()
  if (fs.existsSync(path.join(ADMIN_OUT_DIR, "index.html")) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === wanted) {
    say("Admin: build is current")
    return
  }
  say("Admin: building the dashboard (first start or admin sources changed; about a minute) …")
  await runMedusa(["build", "--admin-only"], env, path.join(LOG_DIR, "admin-build.log"), "Admin build")
  fs.rmSync(ADMIN_OUT_DIR, { recursive: true, force: true })
  fs.mkdirSync(path.dirname(ADMIN_OUT_DIR), { recursive: true })
  fs.renameSync(path.join(PROJECT_ROOT, ".medusa", "admin"), ADMIN_OUT_DIR)
  fs.writeFileSync(stampFile, wanted)
  say("Admin: built")
}

async function seed(env: NodeJS.ProcessEnv, target: DatabaseTarget) {
  const state = await readShopState(target)
  const wantDemo = env.SEED_DEMO !== "false"
  if ((state.seeded || !wantDemo) && state.adminUsers > 0) {
    say(state.seeded ? "Demo shop: seeded earlier" : "Demo shop: skipped (SEED_DEMO=false)")
    return
  }
  say(wantDemo && !state.seeded ? "Demo shop: seeding …" : "Admin user: creating …")
  await runMedusa(["exec", "./src/scripts/seed.ts"], { ...env, JEWEL_DATA_DIR: DATA_DIR }, path.join(LOG_DIR, "seed.log"), "Seeding")
  say("Demo shop: ready")
}

/**
 * Offers Razorpay and PayPal in the regions whose currency they take, when
 * their settings are present and differ from the last start's (a shop
 * seeded before a provider was configured gets it here).
 */
async function offerPaymentProviders(env: NodeJS.ProcessEnv, target: DatabaseTarget) {
  const configured = [env.RAZORPAY_KEY_ID ? "razorpay" : "", env.PAYPAL_CLIENT_ID ? "paypal" : ""].filter(Boolean).join(",")
  const key = `payments:${createHash("sha256").update(redact(target.url)).digest("hex").slice(0, 16)}`
  if (!configured || readStamps()[key] === configured) {
    return
  }
  say(`Payments: offering ${configured.replace(",", " and ")} in the regions …`)
  await runMedusa(["exec", "./src/scripts/payment-providers.ts"], env, path.join(LOG_DIR, "payment-providers.log"), "Offering payment providers")
  writeStamp(key, configured)
}

/** A login saved on a first start ("email: …" and "password: …" lines: the seed's and the CMS's), if the file exists. */
function savedLogin(file: string): { email?: string; password?: string } | undefined {
  if (!fs.existsSync(file)) {
    return undefined
  }
  const text = fs.readFileSync(file, "utf8")
  return { email: /email: (.*)/.exec(text)?.[1], password: /password: (.*)/.exec(text)?.[1] }
}

function adminLogin(env: NodeJS.ProcessEnv): string {
  const file = path.join(DATA_DIR, "admin-credentials.txt")
  if (env.ADMIN_PASSWORD) {
    return `${env.ADMIN_EMAIL || DEFAULT_ADMIN_EMAIL} / (ADMIN_PASSWORD)`
  }
  const saved = savedLogin(file)
  if (saved) {
    return `${saved.email} / ${saved.password}   (saved in ${path.join(SHOWN_DATA_DIR, "admin-credentials.txt")})`
  }
  return "an existing admin user (reset with `npx medusa user -e EMAIL -p PASSWORD`)"
}

/** Where the CMS's owner finds their first password (made by the storefront's first start: storefront/cms/owner.ts). */
function cmsLogin(): string {
  const saved = savedLogin(cmsCredentialsFile(CMS_DATA_DIR))
  return saved ? `(owner ${saved.email}: password saved in ${path.join(SHOWN_DATA_DIR, "cms", "owner-credentials.txt")})` : "(sign in with a CMS account)"
}

async function waitForHealth(port: number, child: ReturnType<typeof spawnMedusa>): Promise<boolean> {
  let exited = false
  child.once("exit", () => (exited = true))
  for (;;) {
    if (exited) {
      return false
    }
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`)
      if (res.ok) {
        return true
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
}

async function main() {
  const develop = process.argv.includes("--develop")
  const env: NodeJS.ProcessEnv = { ...process.env }
  env.NODE_ENV = env.NODE_ENV || (develop ? "development" : "production")
  // Session cookies are Secure when the shop is reached over HTTPS (PUBLIC_URL), or as COOKIE_SECURE says.
  // A fresh install on plain http gets plain cookies: a Secure one would never be set there and the admin
  // would log straight back out.
  env.COOKIE_SECURE ||= cookieSecureDefault(env)
  const port = parsePort(env.PORT, 9000, "PORT")
  env.PORT = String(port)
  const withStorefront = storefrontWanted(env)
  const storefrontPort = parsePort(env.STOREFRONT_PORT, 8000, "STOREFRONT_PORT")
  // The storefront's server calls the API for its shoppers from this machine and says whose request it is
  // (X-Forwarded-For): believed from loopback, so the limits on sign-in codes count each shopper, not the
  // storefront (docs/storefront.md, "Sign-in"). A TRUSTED_PROXIES that is set is left as it is.
  if (withStorefront && !env.TRUSTED_PROXIES) {
    env.TRUSTED_PROXIES = "loopback"
  }
  // Where payment pages send the buyer back (PayPal's return): the storefront as served here, unless its public
  // address is set.
  if (withStorefront && !env.STOREFRONT_URL) {
    env.STOREFRONT_URL = `http://localhost:${storefrontPort}`
  }
  fs.mkdirSync(LOG_DIR, { recursive: true })

  await assertPortFree(port, `Port ${port} (PORT) is already in use. Stop the program using it, or set PORT to a free port.`)
  if (withStorefront) {
    await assertPortFree(
      storefrontPort,
      `Port ${storefrontPort} (STOREFRONT_PORT) is already in use. Stop the program using it, set STOREFRONT_PORT to a free port, or STOREFRONT=false.`
    )
  }

  if (applyLocalSecrets(env) && env.DATABASE_URL) {
    say(
      `JWT_SECRET/COOKIE_SECRET not set: using secrets generated into ${path.join(SHOWN_DATA_DIR, "secrets.json")} (set them for multi-machine deploys)`
    )
  }

  const unsafe = productionConfigError(env)
  if (unsafe) {
    throw new LauncherError(unsafe)
  }

  const { target, cluster } = await prepareDatabase(env, say)
  let stopping = false
  const stopDatabase = () => {
    if (cluster?.startedHere) {
      say("Stopping the embedded PostgreSQL …")
      cluster.stop()
    }
  }
  const failEarly = (err: unknown) => {
    // A step that failed leaves the storefront's build running beside it.
    stopRunningSteps()
    stopDatabase()
    throw err
  }
  // Interrupted during set-up: end the running step, then the database.
  const interruptSetUp = (signal: NodeJS.Signals) => {
    say(`${signal} during start-up: stopping …`)
    stopRunningSteps()
    stopDatabase()
    process.exit(130)
  }
  process.once("SIGINT", interruptSetUp)
  process.once("SIGTERM", interruptSetUp)

  try {
    // The two builds read no database (the storefront's pages are all rendered on request), so they run
    // beside the migrations and the seed, which leave a core idle while they wait on PostgreSQL.
    const builds = develop ? [] : [buildAdmin(env), ...(withStorefront ? [buildStorefront(env, storefrontFingerprint(), LOG_DIR, say)] : [])]
    // Awaited below; until then a failure of one must not count as unhandled.
    builds.forEach((build) => build.catch(() => undefined))
    await migrate(env, target)
    await seed(env, target)
    await offerPaymentProviders(env, target)
    await Promise.all(builds)
  } catch (err) {
    failEarly(err)
  }

  process.removeListener("SIGINT", interruptSetUp)
  process.removeListener("SIGTERM", interruptSetUp)
  const state = await readShopState(target)
  const server = spawnMedusa([develop ? "develop" : "start", "--port", String(port)], env, undefined, { ownGroup: true })
  let storefront: RunningStorefront | undefined
  // Known from its spawn, not from when it answers: a stop while it starts stops it too.
  let storefrontChild: ChildProcess | undefined
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) {
      return
    }
    stopping = true
    if (storefrontChild) {
      say(`${signal}: stopping the storefront …`)
      signalGroup(storefrontChild, "SIGTERM")
    }
    say(`${signal}: stopping the Medusa server …`)
    // `medusa develop` stops on SIGINT, `medusa start` on SIGTERM.
    signalGroup(server, develop ? "SIGINT" : "SIGTERM")
    setTimeout(() => signalGroup(server, "SIGKILL"), 20_000).unref()
  }
  process.on("SIGINT", shutdown)
  process.on("SIGTERM", shutdown)
  server.on("exit", (code, signal) => {
    if (storefrontChild) {
      signalGroup(storefrontChild, "SIGTERM")
    }
    stopDatabase()
    say(stopping ? "Stopped." : `The Medusa server exited (${signal ?? `code ${code}`}).`)
    process.exit(stopping ? 0 : code ?? 1)
  })

  if (await waitForHealth(port, server)) {
    const base = `http://localhost:${port}`
    let storefrontLine = "    Storefront:   off (STOREFRONT=false)"
    const key = storefrontKey(env, state)
    if (withStorefront && !key) {
      storefrontLine = "    Storefront:   not started: no publishable key yet (create one in the admin, or set STOREFRONT_PUBLISHABLE_KEY)"
    } else if (withStorefront && key) {
      storefront = await startStorefront(env, {
        port: storefrontPort,
        backendUrl: env.STOREFRONT_BACKEND_URL || `http://localhost:${port}`,
        publishableKey: key,
        shopName: state.shopName,
        develop,
        logFile: path.join(LOG_DIR, "storefront.log"),
        cms: { secret: cmsSecret(env), dataDir: CMS_DATA_DIR, ownerEmail: env.ADMIN_EMAIL || DEFAULT_ADMIN_EMAIL, demoContent: state.seeded },
        onSpawn: (child) => (storefrontChild = child),
      }).catch((err: unknown) => {
        // Stopped while it started: the shutdown above ends it; nothing to report.
        if (stopping) {
          return undefined
        }
        throw err
      })
      if (!storefront) {
        return
      }
      storefront.child.on("exit", (code, signal) => {
        if (!stopping) {
          say(`The storefront exited (${signal ?? `code ${code}`}); the Medusa server goes on. See ${path.join(LOG_DIR, "storefront.log")}.`)
        }
      })
      storefrontLine =
        storefront.homeStatus < 500
          ? `    Storefront:   ${storefront.url}`
          : `    Storefront:   ${storefront.url} (its home page answered ${storefront.homeStatus}: see ${path.join(LOG_DIR, "storefront.log")})`
      storefrontLine += `\n    Website CMS:  ${storefront.url}/cms   ${cmsLogin()}`
    }
    const keys = state.publishableKeys
      .map((k) => `      ${(k.branches ?? "none").padEnd(8)} ${k.token}  ${k.title}`)
      .join("\n")
    process.stdout.write(
      [
        "",
        "  jewel-crm is ready",
        storefrontLine,
        `    Admin:        ${base}/app`,
        `    Admin login:  ${adminLogin(env)}`,
        `    Store API:    ${base}/store   (send the header x-publishable-api-key)`,
        "    Publishable API keys (branch code, key, title):",
        keys || "    (none yet)",
        `    Started in ${((Date.now() - started) / 1000).toFixed(1)} s. Ctrl-C stops the server${cluster?.startedHere ? " and the embedded PostgreSQL" : ""}.`,
        "",
      ].join("\n") + "\n"
    )
  }
}

main().catch((err) => {
  if (err instanceof LauncherError) {
    process.stderr.write(`jewel-crm: ${err.message}\n`)
  } else {
    process.stderr.write(`jewel-crm: unexpected error: ${err instanceof Error ? err.stack : String(err)}\n`)
  }
  process.exit(1)
})
