/**
 * `npm start` refuses bad settings with one line that says what is wrong,
 * exits non-zero, and touches no data.
 */
import { spawn } from "node:child_process"
import fs from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"

jest.setTimeout(60 * 1000)

const ROOT = path.resolve(__dirname, "..", "..")

function start(env: Record<string, string | undefined>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env }
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) {
      delete childEnv[k]
    }
  }
  const child = spawn(process.execPath, [require.resolve("ts-node/dist/bin.js"), "--transpile-only", "launcher/start.ts"], {
    cwd: ROOT,
    env: childEnv,
  })
  let stdout = ""
  let stderr = ""
  child.stdout.on("data", (d) => (stdout += d))
  child.stderr.on("data", (d) => (stderr += d))
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stdout, stderr })))
}

function listen(): Promise<net.Server> {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.listen(0, "0.0.0.0", () => resolve(server))
  })
}

const portOf = (server: net.Server) => (server.address() as net.AddressInfo).port

/** A port nothing listens on. */
async function closedPort(): Promise<string> {
  const server = await listen()
  const port = portOf(server)
  await new Promise((r) => server.close(r))
  return String(port)
}

describe("npm start refuses bad settings clearly", () => {
  let dataDir: string

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jewel-crm-faults-"))
  })

  afterEach(() => {
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it("explains a malformed DATABASE_URL in one line", async () => {
    const res = await start({ DATABASE_URL: "not a url", JEWEL_DATA_DIR: dataDir, PORT: await closedPort() })
    expect(res.code).toBe(1)
    expect(res.stderr.trim().split("\n")).toEqual([
      "jewel-crm: DATABASE_URL is not a valid URL. Expected postgres://USER:PASSWORD@HOST:5432/DATABASE",
    ])
  })

  it("says which server is unreachable, without showing the password", async () => {
    const port = await closedPort()
    const res = await start({
      DATABASE_URL: `postgres://shop:s3cret@127.0.0.1:${port}/jewel`,
      JEWEL_DATA_DIR: dataDir,
      PORT: await closedPort(),
    })
    expect(res.code).toBe(1)
    expect(res.stderr).toMatch(new RegExp(`^jewel-crm: Cannot reach PostgreSQL at 127.0.0.1:${port}: connection refused`))
    expect(res.stderr.trim().split("\n")).toHaveLength(1)
    expect(res.stderr).not.toContain("s3cret")
  })

  it("names the busy HTTP port", async () => {
    const busy = await listen()
    try {
      const res = await start({ DATABASE_URL: undefined, JEWEL_DATA_DIR: dataDir, PORT: String(portOf(busy)) })
      expect(res.code).toBe(1)
      expect(res.stderr.trim()).toBe(
        `jewel-crm: Port ${portOf(busy)} (PORT) is already in use. Stop the program using it, or set PORT to a free port.`
      )
    } finally {
      busy.close()
    }
  })

  it("leaves data of another PostgreSQL major version untouched", async () => {
    const pgDir = path.join(dataDir, "pg")
    fs.mkdirSync(pgDir)
    fs.writeFileSync(path.join(pgDir, "PG_VERSION"), "16\n")
    fs.writeFileSync(path.join(pgDir, "precious"), "customer data")
    const res = await start({
      DATABASE_URL: undefined,
      JEWEL_DATA_DIR: dataDir,
      PORT: await closedPort(),
      EMBEDDED_PG_PORT: await closedPort(),
    })
    expect(res.code).toBe(1)
    expect(res.stderr).toMatch(/holds data of PostgreSQL 16, but the embedded server is PostgreSQL 17\.\d+/)
    expect(res.stderr).toMatch(/left untouched/)
    expect(fs.readdirSync(pgDir).sort()).toEqual(["PG_VERSION", "precious"])
    expect(fs.readFileSync(path.join(pgDir, "precious"), "utf8")).toBe("customer data")
  })

  it("rejects a PORT that is not a port number", async () => {
    const res = await start({ PORT: "ninety", JEWEL_DATA_DIR: dataDir })
    expect(res.code).toBe(1)
    expect(res.stderr.trim()).toBe('jewel-crm: PORT must be a port number between 1 and 65535, got "ninety".')
  })
})
