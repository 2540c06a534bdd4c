/**
 * The `medusa exec` scripts (`npm run seed`, `reprice`, `loyalty:verify`,
 * `messages:drain`) go through launcher/exec.ts: a database that cannot be
 * used is said in one line, without a stack trace.
 */
import fs from "node:fs"
import path from "node:path"
import { closedPort, runLauncher, tempDataDir } from "./run-launcher"

jest.setTimeout(60 * 1000)

const exec = (env: Record<string, string | undefined>, args = ["./src/scripts/loyalty-verify.ts"]) => runLauncher("launcher/exec.ts", args, env)

describe("npm run <script> on a database it cannot use", () => {
  const dir = tempDataDir("jewel-crm-exec-faults-")

  it("says which server is unreachable, without showing the password", async () => {
    const port = await closedPort()
    const res = await exec({ DATABASE_URL: `postgres://shop:s3cret@127.0.0.1:${port}/jewel`, JEWEL_DATA_DIR: dir() })
    expect(res.code).toBe(1)
    expect(res.stderr.trim().split("\n")).toEqual([expect.stringMatching(new RegExp(`^jewel-crm: Cannot reach PostgreSQL at 127.0.0.1:${port}: connection refused`))])
    expect(res.stderr).not.toContain("s3cret")
  })

  it("uses the embedded server without DATABASE_URL, and says in one line why it cannot", async () => {
    const pgDir = path.join(dir(), "pg")
    fs.mkdirSync(pgDir)
    fs.writeFileSync(path.join(pgDir, "PG_VERSION"), "16\n")
    const res = await exec({ DATABASE_URL: undefined, JEWEL_DATA_DIR: dir(), EMBEDDED_PG_PORT: await closedPort() })
    expect(res.code).toBe(1)
    expect(res.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^jewel-crm: .*holds data of PostgreSQL 16, but the embedded server is PostgreSQL 17\.\d+/)])
    expect(fs.readdirSync(pgDir)).toEqual(["PG_VERSION"])
  })

  it("names what it needs when no script is given", async () => {
    const res = await exec({ JEWEL_DATA_DIR: dir() }, [])
    expect(res.code).toBe(1)
    expect(res.stderr.trim()).toBe("jewel-crm: usage: ts-node launcher/exec.ts ./src/scripts/SCRIPT.ts [arguments]")
  })
})
