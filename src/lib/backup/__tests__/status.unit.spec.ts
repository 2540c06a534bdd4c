import { BackupError } from "../errors"
import { JobTracker } from "../status"

const run = (name: string) => ({ name })

describe("backup status", () => {
  it("follows one backup at a time: running with its step, then succeeded or failed", async () => {
    const backups = new JobTracker("a backup")
    const startBackup = backups.start.bind(backups)
    const backupStatus = backups.status.bind(backups)
    let finish!: (r: { name: string }) => void
    let step!: (s: string) => void
    const first = startBackup((progress) => {
      step = progress
      return new Promise((resolve) => (finish = resolve))
    })
    expect(first.status).toMatchObject({ state: "running", step: null, done: 0, name: null })
    step("table customer")
    step("table order")
    expect(backupStatus()).toMatchObject({ state: "running", step: "table order", done: 2 })
    expect(() => startBackup(async () => run("second"))).toThrow(BackupError)
    expect(() => startBackup(async () => run("second"))).toThrow(/^a backup is already running \(started \d{4}-/)

    finish(run("jewel-crm-2026-03-01T21-00-00-000Z.jcrm-backup"))
    await first.done
    expect(backupStatus()).toMatchObject({ state: "succeeded", step: null, name: "jewel-crm-2026-03-01T21-00-00-000Z.jcrm-backup", error: null })

    const failing = startBackup(async () => {
      throw new BackupError("cannot reach PostgreSQL at db:5432/shop: connection refused (is the server running?)")
    })
    await failing.done
    expect(backupStatus()).toMatchObject({ state: "failed", error: "cannot reach PostgreSQL at db:5432/shop: connection refused (is the server running?)" })
  })
})
