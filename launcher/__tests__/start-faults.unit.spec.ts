/**
 * `npm start` refuses bad settings with one line that says what is wrong,
 * exits non-zero, and touches no data.
 */
import fs from "node:fs"
import path from "node:path"
import { closedPort, listen, portOf, runLauncher, tempDataDir } from "./run-launcher"

jest.setTimeout(60 * 1000)

const start = (env: Record<string, string | undefined>) => runLauncher("launcher/start.ts", [], env)

describe("npm start refuses bad settings clearly", () => {
  const dir = tempDataDir("jewel-crm-faults-")

  it("explains a malformed DATABASE_URL in one line", async () => {
    const res = await start({ DATABASE_URL: "not a url", JEWEL_DATA_DIR: dir(), PORT: await closedPort() })
    expect(res.code).toBe(1)
    expect(res.stderr.trim().split("\n")).toEqual([
      "jewel-crm: DATABASE_URL is not a valid URL. Expected postgres://USER:PASSWORD@HOST:5432/DATABASE",
    ])
  })

  it("says which server is unreachable, without showing the password", async () => {
    const port = await closedPort()
    const res = await start({
      DATABASE_URL: `postgres://shop:s3cret@127.0.0.1:${port}/jewel`,
      JEWEL_DATA_DIR: dir(),
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
      const res = await start({ DATABASE_URL: undefined, JEWEL_DATA_DIR: dir(), PORT: String(portOf(busy)) })
      expect(res.code).toBe(1)
      expect(res.stderr.trim()).toBe(
        `jewel-crm: Port ${portOf(busy)} (PORT) is already in use. Stop the program using it, or set PORT to a free port.`
      )
    } finally {
      busy.close()
    }
  })

  it("leaves data of another PostgreSQL major version untouched", async () => {
    const pgDir = path.join(dir(), "pg")
    fs.mkdirSync(pgDir)
    fs.writeFileSync(path.join(pgDir, "PG_VERSION"), "16\n")
    fs.writeFileSync(path.join(pgDir, "precious"), "customer data")
    const res = await start({
      DATABASE_URL: undefined,
      JEWEL_DATA_DIR: dir(),
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
    const res = await start({ PORT: "ninety", JEWEL_DATA_DIR: dir() })
    expect(res.code).toBe(1)
    expect(res.stderr.trim()).toBe('jewel-crm: PORT must be a port number between 1 and 65535, got "ninety".')
  })
})
