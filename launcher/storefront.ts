/**
 * The shop's storefront (storefront/, a Next.js app) beside the backend:
 * built on the first start and again when its sources change, then served
 * by `next start` on STOREFRONT_PORT (8000). `STOREFRONT=false` leaves it
 * out. It is told where the Store API is and which publishable key sells
 * the shop's catalogue when it starts, so one build serves any shop.
 */
import { spawn, type ChildProcess } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { LauncherError, logTail } from "./errors"
import { PROJECT_ROOT, runStep } from "./medusa"
import type { ShopState } from "./shop-state"

export const STOREFRONT_DIR = path.join(PROJECT_ROOT, "storefront")
const NEXT_CLI = path.join(PROJECT_ROOT, "node_modules", "next", "dist", "bin", "next")
const STAMP = path.join(STOREFRONT_DIR, ".next", "jewel-fingerprint")

export const storefrontWanted = (env: NodeJS.ProcessEnv) => env.STOREFRONT !== "false" && fs.existsSync(path.join(STOREFRONT_DIR, "package.json"))

/** Next.js without its telemetry (the shop's machine may have no way out, and owes none). */
function nextEnv(env: NodeJS.ProcessEnv, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...env, NEXT_TELEMETRY_DISABLED: "1", ...extra }
}

function runNext(args: string[], env: NodeJS.ProcessEnv, logFile: string): Promise<number> {
  const out = fs.openSync(logFile, "w")
  return runStep(spawn(process.execPath, [NEXT_CLI, ...args], { cwd: STOREFRONT_DIR, env, stdio: ["ignore", out, out] }))
}

/** Builds the storefront unless the last build was of the same sources (`fingerprint`). */
export async function buildStorefront(env: NodeJS.ProcessEnv, fingerprint: string, logDir: string, say: (m: string) => void): Promise<void> {
  if (fs.existsSync(path.join(STOREFRONT_DIR, ".next", "BUILD_ID")) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8") === fingerprint) {
    say("Storefront: build is current")
    return
  }
  say("Storefront: building beside the other steps (first start or storefront sources changed; about a minute) …")
  const logFile = path.join(logDir, "storefront-build.log")
  // `next build` wants a production NODE_ENV whatever the shop runs under.
  const code = await runNext(["build"], nextEnv(env, { NODE_ENV: "production" }), logFile)
  if (code !== 0) {
    const tail = logTail(logFile, 25)
    throw new LauncherError(`Storefront build failed (exit ${code}). Last lines of ${path.relative(process.cwd(), logFile)}:\n${tail}`)
  }
  fs.writeFileSync(STAMP, fingerprint)
  say("Storefront: built")
}

/**
 * The key the storefront sells with: STOREFRONT_PUBLISHABLE_KEY, else the
 * key that sells the most branches' catalogues (the demo shop's default key
 * sells them all).
 */
export function storefrontKey(env: NodeJS.ProcessEnv, state: ShopState): string | undefined {
  if (env.STOREFRONT_PUBLISHABLE_KEY) {
    return env.STOREFRONT_PUBLISHABLE_KEY
  }
  const count = (k: ShopState["publishableKeys"][number]) => (k.branches ? k.branches.split(",").length : 0)
  return [...state.publishableKeys].sort((a, b) => count(b) - count(a))[0]?.token
}

export type RunningStorefront = { child: ChildProcess; url: string; homeStatus: number }

/** Where the CMS saved its owner's first password (cms/owner.ts), if it has. */
export const cmsCredentialsFile = (cmsDataDir: string) => path.join(cmsDataDir, "owner-credentials.txt")

/** `next start` (or `next dev`) in a process group of its own; resolves when its home page answers, with its status. */
export async function startStorefront(
  env: NodeJS.ProcessEnv,
  {
    port,
    backendUrl,
    publishableKey,
    shopName,
    develop,
    logFile,
    cms,
    onSpawn,
  }: {
    port: number
    backendUrl: string
    publishableKey: string
    shopName: string | null
    develop: boolean
    logFile: string
    /** The CMS inside the storefront: its signing secret, its folder (media, the owner's password), the owner's email, and whether its first start writes the demo shop's content. */
    cms: { secret: string; dataDir: string; ownerEmail: string; demoContent: boolean }
    /** Told the process as soon as it exists, so a stop while it starts can stop it too. */
    onSpawn?: (child: ChildProcess) => void
  }
): Promise<RunningStorefront> {
  const out = fs.openSync(logFile, "w")
  const child = spawn(process.execPath, [NEXT_CLI, develop ? "dev" : "start", "--port", String(port)], {
    cwd: STOREFRONT_DIR,
    env: nextEnv(env, { MEDUSA_BACKEND_URL: backendUrl, MEDUSA_PUBLISHABLE_KEY: publishableKey, SHOP_NAME: shopName ?? "", PAYLOAD_SECRET: cms.secret, CMS_DATA_DIR: cms.dataDir, CMS_OWNER_EMAIL: cms.ownerEmail, CMS_DEMO_CONTENT: String(cms.demoContent), NODE_ENV: develop ? "development" : "production" }),
    stdio: ["ignore", out, out],
    detached: true,
  })
  onSpawn?.(child)
  const url = `http://localhost:${port}`
  for (;;) {
    if (child.exitCode !== null) {
      const tail = logTail(logFile, 20)
      throw new LauncherError(`The storefront stopped (exit ${child.exitCode}). Last lines of ${logFile}:\n${tail}`)
    }
    try {
      // The home page reads the Store API: a 200 shows the storefront and its key work together.
      const res = await fetch(`http://127.0.0.1:${port}/`)
      return { child, url, homeStatus: res.status }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}
