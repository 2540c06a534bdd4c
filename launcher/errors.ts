import fs from "node:fs"

/**
 * An error the user can act on: the launcher prints its message as one line
 * and exits non-zero, without a stack trace.
 */
export class LauncherError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "LauncherError"
  }
}

/** The last `count` lines of a step's log, for the error that says it failed. */
export function logTail(logFile: string, count: number): string {
  return fs.readFileSync(logFile, "utf8").trim().split("\n").slice(-count).join("\n")
}
