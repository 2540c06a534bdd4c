/**
 * What the e2e test layer needs around Jest: Debian's Chromium (installed
 * through apt-get when missing and the tests run as root, as on CI), and the
 * app started the way a new user starts it (`launcher/start.ts`: migrations,
 * admin build, demo seed, first admin user) on the test PostgreSQL.
 */
import { spawn, type ChildProcess } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { findOrInstall } from "./apt"
import { LauncherError, logTail } from "./errors"
import { PROJECT_ROOT, stopGroup } from "./medusa"
import { freePort } from "./net"

const CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]

/** Debian's Chromium as the e2e tests drive it: headless, kept from calling home (the machine has no network beyond the app). */
export const CHROMIUM_OPTIONS = {
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
}

/**
 * One Chromium for the whole e2e layer, which each spec file connects to (E2E_BROWSER_WS) for contexts of its own:
 * a launch costs some 1.5 s of the two cores' time, and the layer has a dozen files.
 */
export async function launchBrowserServer(executablePath: string): Promise<{ wsEndpoint: string; close: () => Promise<void> }> {
  const { chromium } = await import("playwright-core")
  const server = await chromium.launchServer({ executablePath, ...CHROMIUM_OPTIONS })
  return { wsEndpoint: server.wsEndpoint(), close: () => server.close() }
}

/**
 * The Chromium to drive: CHROMIUM_PATH, else Debian's package, installed now
 * when missing if we may (root with apt-get). Undefined when there is none.
 */
export function findChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH) {
    if (!fs.existsSync(process.env.CHROMIUM_PATH)) {
      throw new LauncherError(`CHROMIUM_PATH points at ${process.env.CHROMIUM_PATH}, which does not exist`)
    }
    return process.env.CHROMIUM_PATH
  }
  return findOrInstall("chromium", CHROMIUM_CANDIDATES, "the browser tests")
}

export type RunningApp = { baseUrl: string; storefrontUrl: string; logFile: string; stop: () => Promise<void> }

/** Starts `launcher/start.ts` on `databaseUrl` in a data folder of its own; resolves when /health answers. */
export async function startApp(env: NodeJS.ProcessEnv, databaseUrl: string, dataDir: string): Promise<RunningApp> {
  const port = await freePort()
  const storefrontPort = await freePort()
  fs.mkdirSync(dataDir, { recursive: true })
  const logFile = path.join(dataDir, "start.log")
  const out = fs.openSync(logFile, "w")
  const appEnv: NodeJS.ProcessEnv = { ...env, DATABASE_URL: databaseUrl, PORT: String(port), STOREFRONT_PORT: String(storefrontPort), STOREFRONT_URL: `http://127.0.0.1:${storefrontPort}`, JEWEL_DATA_DIR: dataDir }
  // The app runs as it does for a user, not under the test runner's settings.
  delete appEnv.NODE_ENV
  delete appEnv.TEST_TYPE
  const tsNode = require.resolve("ts-node/dist/bin.js", { paths: [PROJECT_ROOT] })
  const child: ChildProcess = spawn(process.execPath, [tsNode, "--transpile-only", "launcher/start.ts"], {
    cwd: PROJECT_ROOT,
    env: appEnv,
    stdio: ["ignore", out, out],
    detached: true,
  })
  const baseUrl = `http://127.0.0.1:${port}`
  const storefrontUrl = `http://127.0.0.1:${storefrontPort}`
  const stop = () => stopGroup(child, 20_000)
  // Migrations, the admin and storefront builds and the full seed: six minutes beside the other layers on a quiet
  // day, 17 (997 s) on the slowest CI run seen, so half as much again of room.
  const deadline = Date.now() + 30 * 60 * 1000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      break
    }
    try {
      // Ready when the launcher has printed its summary: the backend and the storefront beside it are up.
      if ((await fetch(`${baseUrl}/health`)).ok && fs.readFileSync(logFile, "utf8").includes("jewel-crm is ready")) {
        return { baseUrl, storefrontUrl, logFile, stop }
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  await stop()
  const tail = logTail(logFile, 30)
  throw new LauncherError(`the app did not come up for the browser tests. Last lines of ${logFile}:\n${tail}`)
}
