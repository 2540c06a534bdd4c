/** Runs a launcher entry point (launcher/start.ts, launcher/exec.ts) as npm does, for the fault tests. */
import { spawn } from "node:child_process"
import fs from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"

const ROOT = path.resolve(__dirname, "..", "..")

export type LauncherRun = { code: number | null; stdout: string; stderr: string }

/** `env` entries set to undefined are removed from the child's environment. */
export function runLauncher(entry: string, args: string[], env: Record<string, string | undefined>): Promise<LauncherRun> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env }
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) {
      delete childEnv[k]
    }
  }
  const child = spawn(process.execPath, [require.resolve("ts-node/dist/bin.js"), "--transpile-only", entry, ...args], {
    cwd: ROOT,
    env: childEnv,
  })
  let stdout = ""
  let stderr = ""
  child.stdout.on("data", (d) => (stdout += d))
  child.stderr.on("data", (d) => (stderr += d))
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stdout, stderr })))
}

export function listen(): Promise<net.Server> {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.listen(0, "0.0.0.0", () => resolve(server))
  })
}

export const portOf = (server: net.Server) => (server.address() as net.AddressInfo).port

/** A port nothing listens on. */
export async function closedPort(): Promise<string> {
  const server = await listen()
  const port = portOf(server)
  await new Promise((r) => server.close(r))
  return String(port)
}

/** A fresh JEWEL_DATA_DIR for each test of the describe block it is called in, removed after the test. */
export function tempDataDir(prefix: string): () => string {
  let dir = ""
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  })
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true })
  })
  return () => dir
}
