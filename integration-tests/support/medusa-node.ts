/**
 * An instance of the app as a deployment runs it: `medusa start` in its own
 * process (group), as a server (API only) or a worker (subscribers and
 * scheduled jobs), on the database and Redis it is given. It can be killed
 * outright (SIGKILL: a machine lost, nothing cleaned up) and started again.
 */
import fs from "node:fs"
import type { ChildProcess } from "node:child_process"
import { signalGroup, spawnMedusa, stopGroup } from "../../launcher/medusa"
import { waitFor } from "./wait"

export type Role = "server" | "worker"

export class MedusaNode {
  private child?: ChildProcess
  private starts = 0

  constructor(
    readonly name: string,
    readonly role: Role,
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
    private readonly logFile: (name: string, start: number) => string
  ) {}

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null
  }

  /** Starts the instance and waits until it answers /health (`timeout` ms). */
  async start(timeout = 240_000): Promise<number> {
    const started = Date.now()
    this.starts += 1
    const child = spawnMedusa(
      ["start", "--port", String(this.port)],
      { ...this.env, PORT: String(this.port), MEDUSA_WORKER_MODE: this.role, DISABLE_MEDUSA_ADMIN: "true" },
      this.logFile(this.name, this.starts),
      { ownGroup: true }
    )
    this.child = child
    await waitFor(
      `${this.name} to answer /health`,
      async () => {
        if (child.exitCode !== null) {
          throw new Error(`${this.name} exited with ${child.exitCode}; see ${this.logFile(this.name, this.starts)}:\n${this.tail()}`)
        }
        return (await fetch(`http://127.0.0.1:${this.port}/health`).catch(() => undefined))?.ok
      },
      { timeout, interval: 200 }
    )
    return Date.now() - started
  }

  /** SIGKILL to the instance's whole process group; resolves when it is gone. */
  async kill(): Promise<void> {
    const child = this.child
    if (!child || !this.running) {
      return
    }
    const exited = new Promise((resolve) => child.once("exit", resolve))
    signalGroup(child, "SIGKILL")
    await exited
  }

  /** A graceful stop (SIGTERM, then SIGKILL after `graceMs`). */
  async stop(graceMs = 15_000): Promise<void> {
    if (this.child) {
      await stopGroup(this.child, graceMs)
    }
  }

  /** The end of the current log, for a failure message. */
  tail(lines = 30): string {
    try {
      return fs.readFileSync(this.logFile(this.name, this.starts), "utf8").trim().split("\n").slice(-lines).join("\n")
    } catch {
      return "(no log)"
    }
  }
}
