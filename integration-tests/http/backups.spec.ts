/**
 * Backups and restore (docs/operations.md, "Backups") on real PostgreSQL: the
 * demo shop's template copied, backed up, restored onto an empty database
 * given the schema (a copy of the run's schema template stands in for
 * `medusa db:migrate`, which the e2e app's first start runs on an empty
 * database), and compared table by table; the restore drill; a backup taken while a
 * writer inserts; bad files refused with nothing written; the S3 store
 * through the official SDK against the loopback S3, with retention; the
 * website CMS's schema and pictures. No app is booted: backup and restore
 * work on the database and the file folders.
 */
import { createHash, randomBytes } from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { Client } from "pg"
import { BackupError } from "../../src/lib/backup/errors"
import { migrateCms, runPayloadCli } from "../../src/lib/backup/migrate"
import { checkIntegrity } from "../../src/lib/backup/integrity"
import { openBackup, verifyBackup } from "../../src/lib/backup/restore"
import { runBackup, runRestore, type RunContext } from "../../src/lib/backup/runner"
import { backupSettings } from "../../src/lib/backup/settings"
import { runVerify } from "../../src/lib/backup/verify"
import { S3Loopback, s3Settings } from "../support/s3-loopback"
import { cloneDatabase, migrateFromTemplate, templateName } from "../support/templates"

jest.setTimeout(600 * 1000)


const KEY = randomBytes(32).toString("hex")
const run = randomBytes(3).toString("hex")
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`

function url(database: string, port = process.env.DB_PORT ?? "5432"): string {
  const user = encodeURIComponent(process.env.DB_USERNAME ?? "postgres")
  const password = process.env.DB_PASSWORD ? `:${encodeURIComponent(process.env.DB_PASSWORD)}` : ""
  return `postgres://${user}${password}@${process.env.DB_HOST ?? "localhost"}:${port}/${database}`
}

async function withDb<T>(database: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url(database) })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

const created: string[] = []
async function emptyDatabase(label: string): Promise<string> {
  const name = `jt_backups_${label}_${run}`
  await withDb("postgres", (c) => c.query(`create database ${ident(name)}`))
  created.push(name)
  return name
}
async function seededDatabase(label: string): Promise<string> {
  const template = templateName("seeded")
  if (!template) {
    throw new Error("backups.spec.ts needs the run's template databases: run it with npm test -- http")
  }
  const name = `jt_backups_${label}_${run}`
  await cloneDatabase(template, name)
  created.push(name)
  return name
}

const tableCount = (database: string) =>
  withDb(database, async (c) => Number((await c.query("select count(*) from pg_tables where schemaname = 'public'")).rows[0].count))

/** A project folder of its own: .data (backups, private files, key) and static/ (public files). */
function projectFolder(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `jewel-backups-${label}-`))
  folders.push(dir)
  return dir
}
const folders: string[] = []

function context(database: string, projectRoot: string, env: Record<string, string> = {}): RunContext {
  return {
    databaseUrl: url(database),
    env: { BACKUP_ENCRYPTION_KEY: KEY, PII_ENCRYPTION_KEY: "11".repeat(32), ...env },
    projectRoot,
    appVersion: "0.1.0",
    log: () => undefined,
  }
}

/** The schema for the empty database a restore fills: `medusa db:migrate` in the app, a copy of the schema template here. */
const migrate = migrateFromTemplate
const mustNotMigrate = async () => {
  throw new Error("the restore went on to migrate")
}

async function manifestOf(file: string) {
  return (await verifyBackup(openBackup(file, Buffer.from(KEY, "hex")), Buffer.from(KEY, "hex"))).manifest
}

function storedFile(projectRoot: string, name: string): string {
  return path.join(projectRoot, ".data", "backups", name)
}

afterAll(async () => {
  for (const name of created) {
    await withDb("postgres", (c) => c.query(`drop database if exists ${ident(name)} with (force)`))
  }
  folders.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }))
})

describe("backup and restore", () => {
  let source: string
  let sourceRoot: string
  let backupFile: string
  let backupName: string

  beforeAll(async () => {
    source = await seededDatabase("src")
    sourceRoot = projectFolder("src")
    // The local file provider's folders: an invoice (private) and a photo (public).
    fs.mkdirSync(path.join(sourceRoot, ".data", "private-files", "invoices"), { recursive: true })
    fs.writeFileSync(path.join(sourceRoot, ".data", "private-files", "invoices", "INV-2026-27-00001.pdf"), Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(300_000)]))
    fs.mkdirSync(path.join(sourceRoot, "static"), { recursive: true })
    fs.writeFileSync(path.join(sourceRoot, "static", "ring-1600.webp"), randomBytes(50_000))
    const { summary } = await runBackup(context(source, sourceRoot))
    backupName = summary.name
    backupFile = storedFile(sourceRoot, summary.name)
  })

  it("restores the demo shop into a fresh database: the same rows and checksums in every table, the same files", async () => {
    const manifest = await manifestOf(backupFile)
    expect(Object.keys(manifest.tables).length).toBeGreaterThan(150)
    expect(manifest.tables.product_variant.rows).toBeGreaterThan(0)
    expect(manifest.tables.user.rows).toBeGreaterThan(0)
    expect(manifest.tables.provider_identity.rows).toBeGreaterThan(0)
    expect(Object.keys(manifest.files).sort()).toEqual(["private/invoices/INV-2026-27-00001.pdf", "static/ring-1600.webp"])

    const target = await emptyDatabase("dst")
    const targetRoot = projectFolder("dst")
    const restored = await runRestore(context(target, targetRoot), { source: backupFile, force: false, migrate })
    expect(restored).toMatchObject({ name: backupName, files: 2, warnings: [] })
    expect(restored.rows).toBe(Object.values(manifest.tables).reduce((sum, t) => sum + t.rows, 0))

    // A backup of the restored database reads the same, table for table and file for file.
    const again = await runBackup(context(target, targetRoot))
    const restoredManifest = await manifestOf(storedFile(targetRoot, again.summary.name))
    expect(restoredManifest.tables).toEqual(manifest.tables)
    expect(restoredManifest.files).toEqual(manifest.files)
    expect(fs.readFileSync(path.join(targetRoot, ".data", "private-files", "invoices", "INV-2026-27-00001.pdf"))).toEqual(
      fs.readFileSync(path.join(sourceRoot, ".data", "private-files", "invoices", "INV-2026-27-00001.pdf"))
    )
    // Sequences carry on from where the shop was: the next order number is not handed out twice.
    const next = async (db: string) => withDb(db, async (c) => (await c.query("select last_value::int as v from order_display_id_seq")).rows[0].v)
    expect(await next(target)).toBe(await next(source))

    // Over a database that now has a shop in it: refused, unless --force.
    await expect(runRestore(context(target, targetRoot), { source: backupFile, force: false, migrate: mustNotMigrate })).rejects.toThrow(
      /^the database .*jt_backups_dst_\w+ is not empty \(\d+ tables and sequences\); restore into an empty database, or add --force/
    )
  })

  it("is one point in time: rows a writer adds in pairs while the backup runs are in it in pairs", async () => {
    const busy = await seededDatabase("busy")
    const base = await withDb(busy, async (c) => ({
      customers: Number((await c.query("select count(*) from customer")).rows[0].count),
      addresses: Number((await c.query("select count(*) from customer_address")).rows[0].count),
    }))
    // A customer and their address, committed together, again and again.
    let committed = 0
    let stop = false
    const writer = withDb(busy, async (c) => {
      while (!stop) {
        const id = `cus_bk_${committed}_${run}`
        await c.query("begin")
        await c.query("insert into customer (id, email) values ($1, $2)", [id, `${id}@example.in`])
        await c.query("insert into customer_address (id, customer_id, city) values ($1, $2, 'Mumbai')", [`cuaddr_bk_${committed}_${run}`, id])
        await c.query("commit")
        committed++
      }
    })
    let atCustomer = -1
    let atAddress = -1
    const root = projectFolder("busy")
    const { summary } = await runBackup({
      ...context(busy, root),
      // Between copying customer and customer_address, wait for 20 more pairs: a backup not read in one
      // snapshot would count 20 more addresses than customers.
      progress: async (step) => {
        if (step === "table customer") {
          atCustomer = committed
        }
        if (step === "table customer_address") {
          const until = Date.now() + 60_000
          while (committed < atCustomer + 20 && Date.now() < until) {
            await new Promise((r) => setTimeout(r, 10))
          }
          atAddress = committed
        }
      },
    })
    stop = true
    await writer
    expect(atAddress).toBeGreaterThanOrEqual(atCustomer + 20)
    const manifest = await manifestOf(storedFile(root, summary.name))
    const customers = manifest.tables.customer.rows - base.customers
    const addresses = manifest.tables.customer_address.rows - base.addresses
    expect(addresses).toBe(customers)
    expect(customers).toBeGreaterThanOrEqual(0)
    expect(customers).toBeLessThanOrEqual(atCustomer + 1)
  })

  it("lets one backup of a database run at a time", async () => {
    let release!: () => void
    const held = new Promise<void>((r) => (release = r))
    let started!: () => void
    const running = new Promise<void>((r) => (started = r))
    const first = runBackup({
      ...context(source, projectFolder("first")),
      progress: async (step) => {
        if (step === "table customer") {
          started()
          await held
        }
      },
    })
    await running
    await expect(runBackup(context(source, projectFolder("second")))).rejects.toThrow("another backup of this database is running")
    release()
    await expect(first).resolves.toMatchObject({ summary: { name: expect.stringMatching(/\.jcrm-backup$/) } })
  })

  describe("the restore drill", () => {
    let drilled: string
    let drillRoot: string
    const drillContext = () => context(drilled, drillRoot)
    const stored = async () => (await backupSettings(drillContext().env, drillRoot).store.list())[0]
    const scratchLeft = async () =>
      withDb("postgres", async (c) => (await c.query("select datname from pg_database where datname like $1", [`${drilled}_drill_%`])).rows.length)

    beforeAll(async () => {
      // A copy of the template as the tests' apps run on it, so the drill may migrate its scratch database by copying the schema template.
      drilled = await seededDatabase("drill")
      drillRoot = projectFolder("drill")
      await runBackup(drillContext())
    })

    it("brings the newest backup back whole, runs the shop's checks and records it", async () => {
      const run = await runVerify(drillContext(), { migrate: migrateFromTemplate })
      expect(run.checks.filter((c) => !c.skipped).map((c) => [c.name, c.ok])).toEqual([
        ["loyalty ledger", true],
        ["tax document series", true],
        ["invoiced orders", true],
        ["order lines", true],
      ])
      const latest = await stored()
      expect(run.name).toBe(latest.name)
      expect(run.rows).toBe(latest.summary.rows)
      expect(latest.summary.verification).toEqual({ at: latest.summary.verified_at, ok: true, seconds: expect.any(Number), message: run.message })
      expect(run.message).toMatch(/^restored into a scratch database in \d+ s: \d+ tables \(\d+ rows\) and 0 files match the manifest; loyalty ledger, tax document series, invoiced orders, order lines checked$/)
      expect(await scratchLeft()).toBe(0)
    })

    it("fails on a changed backup, names why and records it, keeping the last pass", async () => {
      const latest = await stored()
      const file = path.join(drillRoot, ".data", "backups", latest.name)
      const bytes = fs.readFileSync(file)
      bytes[Math.floor(bytes.length / 2)] ^= 0x01
      fs.writeFileSync(file, bytes)
      await expect(runVerify(drillContext(), { migrate: mustNotMigrate })).rejects.toThrow(/changed or (damaged|corrupted) after it was written/)
      const after = await stored()
      expect(after.summary.verification).toEqual({ at: expect.any(String), ok: false, seconds: expect.any(Number), message: expect.stringMatching(/changed or (damaged|corrupted)/) })
      expect(after.summary.verified_at).toBe(latest.summary.verified_at)
      expect(await scratchLeft()).toBe(0)
    })

    it("checks name what does not add up: a balance off its ledger, a series with a gap, an order without lines", async () => {
      const broken = await seededDatabase("broken")
      const found = await withDb(broken, async (c) => {
        // An account whose balance says 5 points with nothing in its ledger.
        const account = "lacct_drill"
        await c.query("insert into loyalty_account (id, customer_id, balance) values ($1, 'cus_drill', 5)", [account])
        await c.query("insert into tax_document_counter (id, series, last_sequence) values ('tdc_drill', 'TST/26-27', 2)")
        // An order and no line.
        const order = "order_drill"
        await c.query(`insert into "order" (id, currency_code) values ($1, 'inr')`, [order])
        const results = await checkIntegrity(c)
        return { account, order, results }
      })
      const problems = Object.fromEntries(found.results.map((r) => [r.name, r.problems]))
      expect(problems["loyalty ledger"]).toEqual([expect.stringMatching(new RegExp(`^account ${found.account} \\(customer \\w+\\): balance 5, ledger 0$`))])
      expect(problems["tax document series"]).toEqual(["series TST/26-27: 0 documents numbered 0–0, counter at 2"])
      expect(problems["order lines"]).toEqual([expect.stringMatching(new RegExp(`^order ${found.order} \\(#\\d+\\) has no lines$`))])
    })
  })

  describe("refuses a bad backup before writing anything", () => {
    let target: string
    beforeAll(async () => {
      target = await emptyDatabase("refused")
    })
    afterEach(async () => {
      expect(await tableCount(target)).toBe(0)
    })

    const restoreFile = (file: string, env: Record<string, string> = {}) =>
      runRestore(context(target, projectFolder("refused"), env), { source: file, force: false, migrate: mustNotMigrate })

    const copy = (edit: (bytes: Buffer) => Buffer) => {
      const file = path.join(projectFolder("edited"), backupName)
      fs.writeFileSync(file, edit(fs.readFileSync(backupFile)))
      return file
    }

    it("made with another key", async () => {
      await expect(restoreFile(backupFile, { BACKUP_ENCRYPTION_KEY: randomBytes(32).toString("base64") })).rejects.toThrow(
        new BackupError("wrong key: this backup was made with another BACKUP_ENCRYPTION_KEY")
      )
    })

    it.each([
      ["a byte in the middle", (b: Buffer) => (b[Math.floor(b.length / 2)] ^= 0x01)],
      ["a byte of the header (its date)", (b: Buffer) => b.write("1", b.indexOf('"created_at":"2') + 14)],
      ["a byte of the tag", (b: Buffer) => (b[b.length - 1] ^= 0x80)],
    ])("with %s changed", async (_what, change) => {
      const file = copy((b) => {
        const out = Buffer.from(b)
        change(out)
        return out
      })
      await expect(restoreFile(file)).rejects.toThrow(/changed or (damaged|corrupted) after it was written/)
    })

    it("cut short", async () => {
      const file = copy((b) => b.subarray(0, b.length - 1000))
      await expect(restoreFile(file)).rejects.toThrow("the backup failed authentication: it was changed or damaged after it was written")
      // Beside its summary (as stored), the missing bytes are named.
      fs.copyFileSync(`${backupFile}.json`, `${file}.json`)
      await expect(restoreFile(file)).rejects.toThrow(/^the backup is truncated: \d+ of its \d+ bytes are there$/)
    })

    it("missing, or not a backup at all", async () => {
      await expect(restoreFile("/nonexistent/jewel-crm-2026-01-01T00-00-00-000Z.jcrm-backup")).rejects.toThrow(
        "no backup file at /nonexistent/jewel-crm-2026-01-01T00-00-00-000Z.jcrm-backup"
      )
      await expect(restoreFile(copy(() => Buffer.from("%PDF-1.7 an invoice")))).rejects.toThrow("not a jewel-crm backup")
      await expect(runRestore(context(target, projectFolder("none")), { source: "latest", force: false, migrate: mustNotMigrate })).rejects.toThrow(
        /^no backups in folder /
      )
    })

    it("when the database is down, after checking the file", async () => {
      const down = { ...context(target, projectFolder("down")), databaseUrl: url(target, "1") }
      await expect(runRestore(down, { source: backupFile, force: false, migrate: mustNotMigrate })).rejects.toThrow(
        /^cannot reach PostgreSQL at .*:1\/jt_backups_refused_\w+: connection refused/
      )
    })
  })

  it("keeps the website CMS's content: its schema's rows and sequences, its pictures, restored with its migrations", async () => {
    const cmsSource = await seededDatabase("cms")
    const cmsRoot = projectFolder("cms")
    await migrateCms(url(cmsSource), process.cwd())
    const bannerId = await withDb(cmsSource, async (c) => {
      const { rows } = await c.query(`insert into payload.banners (link, "order", _status) values ('/products?metal=gold', 0, 'published') returning id`)
      await c.query(`insert into payload.banners_locales (title, _locale, _parent_id) values ('Akshaya Tritiya gold', 'en', $1), ('अक्षय तृतीया सोना', 'hi', $1)`, [rows[0].id])
      return rows[0].id as number
    })
    const picture = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), randomBytes(20_000)])
    fs.mkdirSync(path.join(cmsRoot, ".data", "cms", "media"), { recursive: true })
    fs.writeFileSync(path.join(cmsRoot, ".data", "cms", "media", "bangles.jpg"), picture)

    const { summary } = await runBackup(context(cmsSource, cmsRoot))
    const file = storedFile(cmsRoot, summary.name)
    const manifest = await manifestOf(file)
    expect(manifest.tables["payload.banners"].rows).toBe(1)
    expect(manifest.tables["payload.banners_locales"].rows).toBe(2)
    expect(manifest.files["cms/bangles.jpg"].bytes).toBe(picture.length)

    // Without the CMS's migrations the code cannot take the backup's CMS tables: refused before anything is loaded.
    const bare = await emptyDatabase("cms_bare")
    await expect(runRestore(context(bare, projectFolder("cms_bare")), { source: file, force: false, migrate })).rejects.toThrow(
      /cms migration\(s\) this code does not have .*nothing was loaded/
    )

    const target = await emptyDatabase("cms_dst")
    const targetRoot = projectFolder("cms_dst")
    const restored = await runRestore(context(target, targetRoot), {
      source: file,
      force: false,
      migrate: async (databaseUrl) => {
        await migrate(databaseUrl)
        await migrateCms(databaseUrl, process.cwd())
      },
    })
    expect(restored.warnings).toEqual([])
    const titles = await withDb(target, async (c) => (await c.query(`select _locale, title from payload.banners_locales where _parent_id = $1 order by _locale`, [bannerId])).rows)
    expect(titles).toEqual([
      { _locale: "en", title: "Akshaya Tritiya gold" },
      { _locale: "hi", title: "अक्षय तृतीया सोना" },
    ])
    // The CMS's ids carry on: the next banner does not take the restored one's id.
    const nextId = (db: string) => withDb(db, async (c) => (await c.query(`select last_value::int as v from payload.banners_id_seq`)).rows[0].v)
    expect(await nextId(target)).toBe(await nextId(cmsSource))
    expect(fs.readFileSync(path.join(targetRoot, ".data", "cms", "media", "bangles.jpg"))).toEqual(picture)
    const again = await manifestOf(storedFile(targetRoot, (await runBackup(context(target, targetRoot))).summary.name))
    expect(again.tables).toEqual(manifest.tables)
  })

  describe("in S3 (the loopback S3, through the official SDK)", () => {
    const s3 = new S3Loopback()
    beforeAll(() => s3.start())
    afterAll(() => s3.stop())

    const s3Env = () => ({
      ...s3Settings(s3),
      BACKUP_KEEP_DAILY: "2",
      BACKUP_KEEP_WEEKLY: "0",
      BACKUP_KEEP_MONTHLY: "0",
    })

    it("is where the CMS keeps its pictures too: private, under <S3_PREFIX>cms/media/, each size, the picture as uploaded", async () => {
      const db = await seededDatabase("cms_s3")
      await migrateCms(url(db), process.cwd())
      const { code, stdout, stderr } = await runPayloadCli(process.cwd(), ["run", "cms/scripts/check-storage.ts", "keep"], {
        ...process.env,
        ...s3Settings(s3),
        S3_PREFIX: "shop-1/",
        DATABASE_URL: url(db),
        PAYLOAD_SECRET: "check",
        CMS_DATA_DIR: projectFolder("cms_s3"),
      })
      // The script's answer is its one JSON line; without it, the failure shows what the script printed instead.
      const line = stdout.split("\n").find((l) => l.startsWith("{"))
      if (!line) {
        throw new Error(`check-storage.ts printed no result (exit ${code}).\nstdout: ${stdout}\nstderr: ${stderr.slice(-3000)}`)
      }
      const check = JSON.parse(line) as { storage: string; files: string[]; sha256: string; url: string }
      expect(check.storage).toBe("s3")
      expect(check.files).toHaveLength(3)
      expect(s3.keys("shop-1/cms/media/")).toEqual([...check.files].sort())
      expect(check.files.map((key) => s3.objects.get(key)!.acl)).toEqual(["private", "private", "private"])
      expect(createHash("sha256").update(s3.objects.get(check.files[0])!.body).digest("hex")).toBe(check.sha256)
      // Served by the CMS at its own address, which names the prefix it was stored under.
      expect(check.url).toMatch(/^\/cms\/api\/media\/file\/storage-check-\d+\.png\?prefix=shop-1%2Fcms%2Fmedia$/)
    })

    it("stores backups privately under backups/, keeps the policy's ones and restores the latest", async () => {
      const root = projectFolder("s3")
      const ctx = context(source, root, s3Env())
      const days = ["2026-03-01T20:00:00Z", "2026-03-02T20:00:00Z", "2026-03-02T21:00:00Z", "2026-03-03T20:00:00Z"]
      const names: string[] = []
      const removed: string[][] = []
      for (const day of days) {
        const result = await runBackup(ctx, new Date(day))
        expect(result.where).toBe(`s3://${s3.bucket}/backups/`)
        names.push(result.summary.name)
        removed.push(result.removed)
      }
      // Two days kept, in IST: the third backup (3 March, 02:30) replaces the second (3 March, 01:30) as that
      // day's; the fourth (4 March) pushes 2 March out of the two days.
      expect(removed).toEqual([[], [], [names[1]], [names[0]]])
      expect(s3.keys("backups/")).toEqual([names[2], `${names[2]}.json`, names[3], `${names[3]}.json`].map((n) => `backups/${n}`))
      expect(s3.keys("backups/").map((k) => s3.objects.get(k)!.acl)).toEqual(["private", "private", "private", "private"])
      // The files live in S3 with the shop: not in the backup.
      const listed = await backupSettings(ctx.env, root).store.list()
      expect(listed.map((b) => [b.name, b.summary.files])).toEqual([
        [names[3], 0],
        [names[2], 0],
      ])

      // "latest" is fetched from S3 and verified; the shop's own database is not empty, so nothing is written.
      await expect(runRestore(ctx, { source: "latest", force: false, migrate: mustNotMigrate })).rejects.toThrow(/is not empty/)
      // A backup whose upload never finished (no summary) is not "latest".
      s3.objects.set(`backups/jewel-crm-2026-03-09T20-00-00-000Z.jcrm-backup`, { ...s3.objects.get(`backups/${names[3]}`)!, body: Buffer.from("cut") })
      expect((await backupSettings(ctx.env, root).store.list())[0].name).toBe(names[3])
    })

    it("says where and why when S3 refuses", async () => {
      const ctx = context(source, projectFolder("s3-denied"), { ...s3Env(), S3_SECRET_ACCESS_KEY: "wrong" })
      await expect(runBackup(ctx)).rejects.toThrow(new RegExp(`^uploading jewel-crm-.*\\.jcrm-backup failed at s3://${s3.bucket}/backups/: SignatureDoesNotMatch`))
    })
  })
})
