import { spawn, type ChildProcess } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { LauncherError } from "./errors"

export const PROJECT_ROOT = path.resolve(__dirname, "..")
const MEDUSA_CLI = require.resolve("@medusajs/cli/cli.js", { paths: [PROJECT_ROOT] })

/** Starts the Medusa CLI in the project root. */
export function spawnMedusa(args: string[], env: NodeJS.ProcessEnv, logFile?: string): ChildProcess {
  const out = logFile ? fs.openSync(logFile, "w") : "inherit"
  return spawn(process.execPath, [MEDUSA_CLI, ...args], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ["ignore", out, out],
  })
}

/**
 * Runs a Medusa CLI command to completion with its output in `logFile`;
 * on failure shows the end of that log.
 */
export async function runMedusa(args: string[], env: NodeJS.ProcessEnv, logFile: string, what: string): Promise<void> {
  fs.mkdirSync(path.dirname(logFile), { recursive: true })
  const child = spawnMedusa(args, env, logFile)
  const code: number = await new Promise((resolve) => child.on("exit", (c, signal) => resolve(c ?? (signal ? 1 : 0))))
  if (code !== 0) {
    const tail = fs.readFileSync(logFile, "utf8").trim().split("\n").slice(-25).join("\n")
    throw new LauncherError(`${what} failed (exit ${code}). Last lines of ${path.relative(process.cwd(), logFile)}:\n${tail}`)
  }
}
