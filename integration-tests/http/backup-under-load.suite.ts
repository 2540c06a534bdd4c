/**
 * A backup taken while the counter sells (docs/operations.md, "What a backup
 * holds"): of 20 clients, 4 sell a coin again and again, redeeming points
 * with each sale, and 16 redeem points on their own, while the backup runs
 * against the app's own database; the backup is then
 * put through the restore drill and the restored shop looked into. Every
 * counter sale in it is whole — its order with lines, payments captured to
 * the bill, the points it redeemed — the ledger verifies, and none is left
 * half made (src/lib/backup/sales-gate.ts). Then the app starts on the
 * restored shop and the owner signs in and opens one of its sales.
 */
import { randomBytes } from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { Client } from "pg"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { runBackup, type RunContext } from "../../src/lib/backup/runner"
import { runVerify } from "../../src/lib/backup/verify"
import { paidOrderSql } from "../../src/lib/paid-orders"
import type { ShopSuite } from "../support/runner"
import { dropDatabase, migrateFromTemplate } from "../support/templates"
import { spawnMedusa, stopGroup } from "../../launcher/medusa"
import { freePort } from "../../launcher/net"
import { waitFor } from "../support/wait"
import { ADMIN, demoShop, expectStatus, ok, type Headers } from "./helpers"

const COIN = "SGJ-COIN-24K-5G"
/** 20 clients: counters selling a coin with points, and counters redeeming points on their own. */
const SELLING = 4
const REDEEMING = 16
const CLIENTS = SELLING + REDEEMING
const POINTS_EACH_SALE = 100

export const backupUnderLoadSuite: ShopSuite = ({ api, getContainer }) => {
  let auth: Headers
  let mumbai: { id: string; stock_location: { id: string } }
  const customers: string[] = []
  // Made when the suite runs, not when it is collected: a run that filters its tests out leaves nothing behind.
  let folder = ""
  let scratchUrl: string | undefined

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "jewel-backup-load-"))
    ;({ auth } = await demoShop(getContainer(), api))
    const { data } = await ok(api.get("/admin/branches?fields=id,code,stock_location.id", auth))
    mumbai = data.branches.find((b: { code: string }) => b.code === "MUM")
    // Coins enough for every counter, and points enough for every sale.
    const { data: tag } = await ok(api.get(`/admin/jewelry/tags/${COIN}`, auth))
    const { data: variants } = await getContainer()
      .resolve(ContainerRegistrationKeys.QUERY)
      .graph({ entity: "product_variant", fields: ["inventory_items.inventory_item_id"], filters: { id: tag.variant.id } })
    const inventoryItemId = (variants[0] as unknown as { inventory_items: { inventory_item_id: string }[] }).inventory_items[0].inventory_item_id
    await getContainer()
      .resolve(Modules.INVENTORY)
      .updateInventoryLevels([{ inventory_item_id: inventoryItemId, location_id: mumbai.stock_location.id, stocked_quantity: 5000 }])
    for (let i = 0; i < CLIENTS; i++) {
      const { data: created } = await ok(
        api.post("/admin/crm/customers", { first_name: `Counter ${i}`, last_name: "Buyer", phone: `98205${String(10000 + i).slice(-5)}` }, auth)
      )
      customers.push(created.customer.id)
      await ok(api.post(`/admin/loyalty/customers/${created.customer.id}/adjust`, { points: 100_000, idempotency_key: `opening-load-${i}`, reason: "opening balance" }, auth))
    }
  })

  afterAll(async () => {
    if (folder) {
      fs.rmSync(folder, { recursive: true, force: true })
    }
    if (scratchUrl) {
      await dropDatabase(new URL(scratchUrl).pathname.slice(1))
    }
  })

  it("holds every counter sale whole: order, lines, payments and points, none half made; the app starts on it", async () => {
    const databaseUrl = getContainer().resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.databaseUrl!
    const logged: string[] = []
    const ctx: RunContext = {
      databaseUrl,
      env: { BACKUP_ENCRYPTION_KEY: randomBytes(32).toString("hex") },
      projectRoot: folder,
      appVersion: "0.1.0",
      log: (message) => logged.push(message),
    }
    const { data: quoted } = await ok(
      api.post("/admin/pos/quote", { branch_id: mumbai.id, customer_id: customers[0], items: [{ tag_code: COIN }], loyalty_points: POINTS_EACH_SALE }, auth)
    )
    const cardRupees = (Math.round(quoted.quote.total * 100) - POINTS_EACH_SALE * 100) / 100

    let stop = false
    let sold = 0
    let redeemed = 0
    const failures: string[] = []
    // What a redeeming counter waits for between redemptions: the next sale made, or the clients stopping.
    let release = () => undefined as void
    let nextSale = new Promise<void>((resolve) => (release = resolve))
    const saleMade = () => {
      const done = release
      nextSale = new Promise<void>((resolve) => (release = resolve))
      done()
    }
    const halt = () => {
      stop = true
      saleMade()
    }
    const client = async (i: number) => {
      for (let n = 0; !stop; n++) {
        const res =
          i < SELLING
            ? await expectStatus(
                api.post(
                  "/admin/pos/orders",
                  {
                    idempotency_key: `LOAD-SALE-${i}-${n}`,
                    branch_id: mumbai.id,
                    customer_id: customers[i],
                    items: [{ tag_code: COIN }],
                    loyalty_points: POINTS_EACH_SALE,
                    tenders: [{ kind: "card", amount: cardRupees, reference: `APPR ${i}-${n}` }],
                  },
                  auth
                )
              )
            : await expectStatus(
                api.post(`/admin/loyalty/customers/${customers[i]}/redeem`, { points: 10, idempotency_key: `LOAD-REDEEM-${i}-${n}`, order_total: 5000 }, auth)
              )
        if (res.status >= 300) {
          failures.push(`${res.status} ${res.data.message}`)
          return
        }
        if (i < SELLING) {
          sold++
          saleMade()
        } else {
          redeemed++
          // A counter redeems once a sale, not flat out: the sales are the load that matters here.
          await nextSale
        }
      }
    }
    const clients = Array.from({ length: CLIENTS }, (_, i) => client(i))
    // The backup starts with the first sales made and most of the counters in the middle of one.
    await waitFor("the first sales", () => sold >= SELLING / 4 || failures.length > 0, { timeout: 120_000 })
    const soldBefore = sold
    // The clients go on until the backup has its snapshot (the moment that decides what it holds); its tables are then read from that snapshot.
    const backup = await runBackup({
      ...ctx,
      progress: (step) => {
        if (step.startsWith("table ")) {
          halt()
        }
      },
    })
    halt()
    const soldDuring = sold - soldBefore
    await Promise.all(clients)
    expect(logged).toEqual([])
    expect(failures).toEqual([])
    expect(soldBefore).toBeGreaterThanOrEqual(SELLING / 4)
    expect(redeemed).toBeGreaterThan(0)

    // The drill, into a copy of the test run's schema (the app's database was migrated the same way).
    const run = await runVerify(ctx, { source: backup.summary.name, keepScratch: true, migrate: migrateFromTemplate })
    scratchUrl = run.scratchUrl
    expect(run.checks.filter((c) => !c.skipped).map((c) => [c.name, c.ok])).toEqual([
      ["loyalty ledger", true],
      ["tax document series", true],
      ["invoiced orders", true],
      ["order lines", true],
    ])

    let restoredSaleId = ""
    const restored = new Client({ connectionString: run.scratchUrl })
    await restored.connect()
    try {
      const { rows: sales } = await restored.query<{ id: string; status: string; order_id: string | null; points: number }>(
        "select id, status, order_id, points from pos_sale where idempotency_key like 'LOAD-SALE-%'"
      )
      // Some of the sales made while it ran are in it, all finished.
      expect(sales.length).toBeGreaterThanOrEqual(soldBefore)
      expect(sales.length).toBeLessThanOrEqual(soldBefore + soldDuring + SELLING)
      expect(sales.filter((s) => s.status !== "completed")).toEqual([])
      restoredSaleId = sales[0].id

      const { rows: orders } = await restored.query<{ id: string; lines: string; captured: string; total: string; redeemed: string; paid: boolean }>(
        `select o.id,
                (select count(distinct i.item_id) from order_item i where i.order_id = o.id and i.deleted_at is null)::text as lines,
                (select coalesce(sum(c.amount), 0) from order_payment_collection opc
                   join payment p on p.payment_collection_id = opc.payment_collection_id and p.deleted_at is null
                   join capture c on c.payment_id = p.id and c.deleted_at is null
                  where opc.order_id = o.id and opc.deleted_at is null)::text as captured,
                (select s.totals->>'current_order_total' from order_summary s where s.order_id = o.id order by s.version desc limit 1) as total,
                (select coalesce(-sum(e.points), 0) from points_entry e where e.order_id = o.id and e.type = 'redeem' and e.deleted_at is null)::text as redeemed,
                ${paidOrderSql("o")} as paid
           from "order" o where o.id = any($1::text[])`,
        [sales.map((s) => s.order_id)]
      )
      expect(orders).toHaveLength(sales.length)
      const broken = orders.filter((o) => o.lines !== "1" || Number(o.captured) !== Number(o.total) || o.redeemed !== String(POINTS_EACH_SALE) || !o.paid)
      expect(broken).toEqual([])
      // The redemptions made before the snapshot are in it, each with its balance (the ledger check above).
      const { rows: redemptions } = await restored.query<{ n: string }>("select count(*)::text as n from points_entry where idempotency_key like 'LOAD-REDEEM-%'")
      expect(Number(redemptions[0].n)).toBeGreaterThan(0)
    } finally {
      await restored.end()
    }

    // The app starts on the restored shop as a server does, and the owner signs in and opens a sale from the backup.
    const port = await freePort()
    const server = spawnMedusa(
      ["start", "--port", String(port)],
      { ...process.env, DATABASE_URL: run.scratchUrl, PORT: String(port), DISABLE_MEDUSA_ADMIN: "true", MEDUSA_WORKER_MODE: "server", LOG_LEVEL: "error", REDIS_URL: "" },
      path.join(folder, "restored-server.log"),
      { ownGroup: true }
    )
    try {
      const base = `http://127.0.0.1:${port}`
      await waitFor("the app on the restored shop to answer /health", async () => (await fetch(`${base}/health`).catch(() => undefined))?.ok || undefined, { timeout: 180_000, interval: 250 })
      const login = await fetch(`${base}/auth/user/emailpass`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(ADMIN) })
      expect(login.status).toBe(200)
      const { token } = (await login.json()) as { token: string }
      const sale = await fetch(`${base}/admin/pos/orders/${restoredSaleId}`, { headers: { authorization: `Bearer ${token}` } })
      expect([sale.status, ((await sale.json()) as { sale: { id: string } }).sale.id]).toEqual([200, restoredSaleId])
    } finally {
      await stopGroup(server, 15_000)
    }
  })
}
