/**
 * `medusa db:migrate` on another database, run as a child process of the
 * project's own Medusa CLI: how the restore drill gives its scratch
 * database this code's schema from inside the running app.
 */
import { spawn } from "node:child_process"
import { BackupError } from "./errors"
import { describeUrl } from "./db"

export function migrateWithMedusa(databaseUrl: string, projectRoot: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    let cli: string
    try {
      cli = require.resolve("@medusajs/cli/cli.js", { paths: [projectRoot] })
    } catch {
      reject(new BackupError(`the Medusa CLI is not installed in ${projectRoot}: run npm install`))
      return
    }
    const child = spawn(process.execPath, [cli, "db:migrate"], { cwd: projectRoot, env: { ...env, DATABASE_URL: databaseUrl }, stdio: ["ignore", "pipe", "pipe"] })
    let output = ""
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString("utf8")).slice(-4000)
    }
    child.stdout.on("data", keep)
    child.stderr.on("data", keep)
    child.on("error", (err) => reject(new BackupError(`cannot run the Medusa CLI: ${err.message}`)))
    child.on("exit", (code) => {
      if (code === 0) {
        resolve()
        return
      }
      const last = output.trim().split("\n").slice(-5).join(" | ")
      reject(new BackupError(`migrating ${describeUrl(databaseUrl)} failed (exit ${code}): ${last}`))
    })
  })
}
