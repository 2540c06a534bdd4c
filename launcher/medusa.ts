import { spawn, type ChildProcess } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { LauncherError, logTail } from "./errors"

export const PROJECT_ROOT = path.resolve(__dirname, "..")
const MEDUSA_CLI = require.resolve("@medusajs/cli/cli.js", { paths: [PROJECT_ROOT] })

/**
 * Starts the Medusa CLI in the project root. A server gets a process group of
 * its own (`ownGroup`): `medusa develop` forks the actual server, and only a
 * signal to the whole group (see `signalGroup`) reaches both.
 */
/**
 * V8's young generation at 32 MB a half instead of 16: a streamed export or
 * report allocates many objects that live for one page, and with the default
 * a part of each page survives into the old generation, which then grows by
 * hundreds of megabytes before a full collection (docs/operations.md,
 * "Memory"). The image sets the same through NODE_OPTIONS.
 */
export const NODE_FLAGS = ["--max-semi-space-size=32"]

/**
 * The old generation's ceiling for the preference model's training (`npm run ml:train`): its live data at
 * 100 000 customers is about a gigabyte, and without a ceiling V8 let the heap grow to 2.2 GB before collecting
 * (docs/preferences.md, "Time and memory").
 */
export const TRAINING_HEAP_MB = 1536

export function spawnMedusa(
  args: string[],
  env: NodeJS.ProcessEnv,
  logFile?: string,
  { ownGroup = false, heapMb }: { ownGroup?: boolean; heapMb?: number } = {}
): ChildProcess {
  const out = logFile ? fs.openSync(logFile, "w") : "inherit"
  const heap = heapMb ? [`--max-old-space-size=${heapMb}`] : []
  return spawn(process.execPath, [...NODE_FLAGS, ...heap, MEDUSA_CLI, ...args], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ["ignore", out, out],
    detached: ownGroup,
  })
}

const runningSteps = new Set<ChildProcess>()

/** Waits for a set-up command to end (its exit code, 1 if a signal ended it); until then `stopRunningSteps` reaches it. */
export async function runStep(child: ChildProcess): Promise<number> {
  runningSteps.add(child)
  const code: number = await new Promise((resolve) => child.on("exit", (c, signal) => resolve(c ?? (signal ? 1 : 0))))
  runningSteps.delete(child)
  return code
}

/** Ends the set-up commands still running (on Ctrl-C or SIGTERM during start-up). */
export function stopRunningSteps(signal: NodeJS.Signals = "SIGTERM"): void {
  runningSteps.forEach((child) => child.kill(signal))
}

/** Sends a signal to a process started by `spawnMedusa` and everything it forked. */
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null) {
    return
  }
  try {
    process.kill(-child.pid, signal)
  } catch {
    child.kill(signal)
  }
}

/** Asks a process group started with `ownGroup` to stop (SIGTERM), waits for it up to `graceMs`, then kills what is left. */
export async function stopGroup(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null) {
    return
  }
  const exited = new Promise((resolve) => child.once("exit", resolve))
  signalGroup(child, "SIGTERM")
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, graceMs))])
  signalGroup(child, "SIGKILL")
}

/**
 * Runs a Medusa CLI command to completion with its output in `logFile`;
 * on failure shows the end of that log.
 */
export async function runMedusa(args: string[], env: NodeJS.ProcessEnv, logFile: string, what: string): Promise<void> {
  fs.mkdirSync(path.dirname(logFile), { recursive: true })
  const code = await runStep(spawnMedusa(args, env, logFile))
  if (code !== 0) {
    const tail = logTail(logFile, 25)
    throw new LauncherError(`${what} failed (exit ${code}). Last lines of ${path.relative(process.cwd(), logFile)}:\n${tail}`)
  }
}
