import { randomBytes } from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { Modules } from "@medusajs/framework/utils"
import scheduledBackup from "../../src/jobs/scheduled-backup"
import { shopIntegrationRunner } from "../support/runner"
import { waitFor } from "../support/wait"
import { demoShop, expectStatus, type Headers } from "./helpers"

jest.setTimeout(300 * 1000)

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jewel-admin-backups-"))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

// "Back up now" from the admin (docs/operations.md, "Backups and restore"): the owner starts a backup in the
// background, follows it on GET and finds it listed with its size and counts.
shopIntegrationRunner({
  env: {
    BACKUP_DIR: path.join(dir, "backups"),
    FILE_PRIVATE_DIR: path.join(dir, "private-files"),
    BACKUP_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
  },
  testSuite: ({ api, getContainer }) => {
    let auth: Headers
    beforeAll(async () => {
      ;({ auth } = await demoShop(getContainer(), api))
    })

    it("runs the restore drill in the background when asked, and says why it failed", async () => {
      expect((await expectStatus(api.post("/admin/backups/drill", { source: "latest" }, auth))).status).toBe(400)
      const started = await api.post("/admin/backups/drill", {}, auth)
      expect(started.status).toBe(202)
      expect(started.data.status).toMatchObject({ state: "running", error: null })
      const drill = await waitFor("the drill to end", async () => {
        const { data } = await api.get("/admin/backups", auth)
        return data.drill.state !== "running" ? data.drill : undefined
      })
      // Nothing to drill yet: the reason, as the Backups page shows it.
      expect(drill).toMatchObject({ state: "failed", error: `no backups in folder ${path.join(dir, "backups")}` })
    })

    it("backs up now in the background and lists the backup with its size, age and counts", async () => {
      const before = await api.get("/admin/backups", auth)
      expect(before.data).toMatchObject({ destination: `folder ${path.join(dir, "backups")}`, schedule: null, backups: [], count: 0 })

      const started = await api.post("/admin/backups", {}, auth)
      expect(started.status).toBe(202)
      expect(started.data.status).toMatchObject({ state: "running", error: null })

      const status = await waitFor("the backup to end", async () => {
        const { data } = await api.get("/admin/backups", auth)
        return data.status.state !== "running" ? data.status : undefined
      })
      expect(status).toMatchObject({ state: "succeeded", error: null, name: expect.stringMatching(/^jewel-crm-.*\.jcrm-backup$/) })
      expect(status.done).toBeGreaterThan(150)

      const { data } = await api.get("/admin/backups", auth)
      expect(data.count).toBe(1)
      expect(data.backups[0]).toMatchObject({ name: status.name, app_version: "0.1.0", verified_at: null, verification: null })
      expect(data.backups[0].bytes).toBe(fs.statSync(path.join(dir, "backups", status.name)).size)
      expect(data.backups[0].rows).toBeGreaterThan(500)
      expect(data.backups[0].age_hours).toBeLessThan(0.1)
    })

    it("tells the owner in the admin's notifications when the scheduled backup fails", async () => {
      const saved = { schedule: process.env.BACKUP_SCHEDULE, destination: process.env.BACKUP_DESTINATION }
      process.env.BACKUP_SCHEDULE = "00:00"
      // A bucket forgotten in the settings: the job cannot even start the backup.
      process.env.BACKUP_DESTINATION = "s3"
      try {
        await scheduledBackup(getContainer())
      } finally {
        for (const [name, value] of [["BACKUP_SCHEDULE", saved.schedule], ["BACKUP_DESTINATION", saved.destination]] as const) {
          if (value === undefined) {
            delete process.env[name]
          } else {
            process.env[name] = value
          }
        }
      }
      const feed = await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ channel: "feed" })
      expect(feed.map((n) => n.data)).toEqual([
        { title: "The scheduled backup failed", description: "BACKUP_DESTINATION=s3 needs BACKUP_S3_BUCKET or S3_BUCKET" },
      ])
    })

    it("refuses a body", async () => {
      const res = await expectStatus(api.post("/admin/backups", { now: true }, auth))
      expect(res.status).toBe(400)
      expect(typeof res.data.message).toBe("string")
      expect((await api.get("/admin/backups", auth)).data.status.state).not.toBe("running")
    })
  },
})
