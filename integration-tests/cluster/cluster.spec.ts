/**
 * The shop as a scaled-out deployment runs it (docs/deployment.md): two
 * server instances and a worker, each `medusa start` in a process of its
 * own, on one PostgreSQL and one Redis, behind nginx terminating TLS. Counters
 * sell, redeem points and log visits through the balancer while the owner
 * publishes a metal rate; mid-load one server is killed with SIGKILL, then
 * the worker, and both are started again. Every write carries an idempotency
 * key and is sent again after a lost connection or a gateway error. After
 * the load: every answered write is in the database exactly once, the points
 * ledger verifies, the rate's repricing ran once and both servers list the
 * new prices (the shared cache emptied), each sale earned its points and got
 * its confirmation SMS once.
 *
 * The layer's own output is the measurement docs/deployment.md quotes:
 * requests, answers, retries and failures per phase (one instance, two, two
 * with the kills), throughput and p95, and the time the balancer took to
 * route around the dead instance.
 */
import { randomBytes } from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { Client } from "pg"
import Redis from "ioredis"
import { freePort } from "../../launcher/net"
import { percentile } from "../../launcher/stats"
import { ADMIN } from "../http/helpers"
import { LoadClient, type Outcome } from "../support/load-client"
import { MedusaNode } from "../support/medusa-node"
import { makeCertificate, startNginx, type RunningNginx } from "../support/nginx"
import { cloneDatabase, dropDatabase, templateName } from "../support/templates"
import { TwilioLoopback } from "../support/twilio-loopback"
import { waitFor } from "../support/wait"

jest.setTimeout(20 * 60 * 1000)

const COIN = "SGJ-COIN-24K-5G"
/** A rate-based 22 karat piece of the demo shop, repriced when the 22 karat rate is published. */
const RING = { handle: "lakshmi-22k-gold-ring", sku: "RNG-LAK-22K-12" }
/** Counters working at once. */
const CLIENTS = 6
/** Requests per phase: with one instance, with two, with two while one and the worker are killed, and after. */
const PHASE_REQUESTS = { one: 24, two: 24, kill: 72, after: 12 }
/** Customers the counters serve (each with points to redeem). */
const CUSTOMERS = 8

/** `n`: the request's number in the whole run, from 1. */
type Op = { kind: "sale" | "redeem" | "interaction"; key: string; n: number }
type Done = Op & Outcome

const run = randomBytes(3).toString("hex")
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jewel-cluster-"))
const database = `jt_cluster_${run}`

function databaseUrl(): string {
  const { DB_USERNAME = "postgres", DB_PASSWORD, DB_HOST = "localhost", DB_PORT = "5432" } = process.env
  return `postgres://${DB_USERNAME}${DB_PASSWORD ? `:${encodeURIComponent(DB_PASSWORD)}` : ""}@${DB_HOST}:${DB_PORT}/${database}`
}

describe("two servers and a worker behind nginx with TLS", () => {
  const twilio = new TwilioLoopback()
  let nodes: { a: MedusaNode; b: MedusaNode; worker: MedusaNode }
  let nginx: RunningNginx | undefined
  let sites: { one: number; two: number }
  let ca: string
  let db: Client
  let redis: Redis
  const testStarted = new Date()

  beforeAll(async () => {
    const nginxPath = process.env.NGINX_PATH
    const template = templateName("seeded")
    if (!nginxPath || !template || !process.env.REDIS_URL) {
      throw new Error("The cluster layer needs nginx, Redis and the run's templates: run it with npm test (npm test -- cluster)")
    }
    await twilio.start()
    await cloneDatabase(template, database)
    const certificate = makeCertificate(dir)
    ca = certificate.cert
    const [a, b, worker, one, two] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()])
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl(),
      REDIS_URL: process.env.REDIS_URL,
      TWILIO_ACCOUNT_SID: twilio.accountSid,
      TWILIO_AUTH_TOKEN: twilio.authToken,
      TWILIO_SMS_FROM: "+15005550006",
      TWILIO_API_BASE: twilio.origin,
      // Behind the balancer, as in production: the client's address from X-Forwarded-For.
      TRUSTED_PROXIES: "loopback",
      JEWEL_DATA_DIR: dir,
    }
    delete env.TWILIO_WHATSAPP_FROM
    delete env.PUBLIC_URL
    const log = (name: string, start: number) => path.join(dir, `${name}-${start}.log`)
    nodes = {
      a: new MedusaNode("server-a", "server", a, env, log),
      b: new MedusaNode("server-b", "server", b, env, log),
      worker: new MedusaNode("worker", "worker", worker, env, log),
    }
    const boot = await Promise.all([nodes.a.start(), nodes.b.start(), nodes.worker.start()])
    process.stdout.write(`Cluster up: servers on ${a} and ${b}, worker on ${worker} (booted in ${boot.map((ms) => (ms / 1000).toFixed(0)).join(" / ")} s)\n`)
    sites = { one, two }
    nginx = await startNginx(nginxPath, dir, certificate, [
      { name: "one_server", port: one, upstreams: [a] },
      { name: "two_servers", port: two, upstreams: [a, b] },
    ])
    db = new Client({ connectionString: databaseUrl() })
    await db.connect()
    redis = new Redis(process.env.REDIS_URL)
  })

  afterAll(async () => {
    await Promise.all(Object.values(nodes ?? {}).map((node) => node.stop(5000)))
    await nginx?.stop()
    await twilio.stop()
    await db?.end().catch(() => undefined)
    await redis?.quit().catch(() => undefined)
    await dropDatabase(database).catch(() => undefined)
    // CLUSTER_KEEP_LOGS=1 keeps the instances' and nginx's logs for a look after a failure.
    if (process.env.CLUSTER_KEEP_LOGS) {
      process.stdout.write(`Cluster logs kept in ${dir}\n`)
    } else {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it("answers every write exactly once while a server and the worker are killed and restarted", async () => {
    const via = (port: number) => `https://localhost:${port}`
    const setup = new LoadClient(via(sites.two), ca)
    const signIn = await setup.send("POST", "/auth/user/emailpass", ADMIN)
    expect(signIn.status).toBe(200)
    const token = signIn.body.token as string
    setup.signIn(token)

    // The counter's world: Mumbai's branch, coins enough for every sale, customers with points.
    const answered = async (method: string, url: string, body?: unknown) => {
      const res = await setup.send(method, url, body)
      if (res.status >= 300) {
        throw new Error(`${method} ${url} → ${res.status} ${JSON.stringify(res.body)}`)
      }
      return res.body
    }
    const { branches } = await answered("GET", "/admin/branches?fields=id,code,stock_location.id")
    const mumbai = branches.find((b: { code: string }) => b.code === "MUM")
    const { variant } = await answered("GET", `/admin/jewelry/tags/${COIN}`)
    const { variants } = await answered("GET", `/admin/product-variants?id=${variant.id}&fields=id,inventory_items.inventory_item_id`)
    const inventoryItemId = variants[0].inventory_items[0].inventory_item_id
    await answered("POST", `/admin/inventory-items/${inventoryItemId}/location-levels/${mumbai.stock_location.id}`, { stocked_quantity: 5000 })
    const customers: string[] = []
    for (let i = 0; i < CUSTOMERS; i++) {
      const { customer } = await answered("POST", "/admin/crm/customers", { first_name: `Cluster ${i}`, last_name: "Buyer", phone: `98207${String(10000 + i).slice(-5)}` })
      customers.push(customer.id)
      await answered("POST", `/admin/loyalty/customers/${customer.id}/adjust`, { points: 100_000, idempotency_key: `CL-${run}-OPEN-${i}`, reason: "opening balance" })
    }
    const { quote } = await answered("POST", "/admin/pos/quote", { branch_id: mumbai.id, customer_id: customers[0], items: [{ tag_code: COIN }] })
    const { rates } = await answered("GET", "/admin/metal-rates")
    // 22 karat: the 24 karat coins' price (and so the tender) stays what the quote said while the catalogue reprices.
    const gold22 = rates.find((r: { metal: string; purity: number; branch_id: string | null }) => r.metal === "gold" && r.purity === 916 && !r.branch_id)
    // A 22 karat ring as the storefront lists it, read from each server directly: both cache it (in Redis) now.
    const { api_keys } = await answered("GET", "/admin/api-keys?type=publishable&fields=id,token,title&limit=50")
    const storefrontKey = api_keys.find((k: { title: string }) => k.title === "Mumbai – Zaveri Bazaar storefront").token
    const { regions } = await answered("GET", "/admin/regions?fields=id,name")
    const india = regions.find((r: { name: string }) => r.name === "India").id
    const ringPrice = async (node: MedusaNode): Promise<number> => {
      const res = await fetch(
        `http://127.0.0.1:${node.port}/store/products?handle=${RING.handle}&fields=variants.sku,*variants.calculated_price&region_id=${india}`,
        { headers: { "x-publishable-api-key": storefrontKey } }
      )
      const { products } = (await res.json()) as { products: { variants: { sku: string; calculated_price: { calculated_amount: number } }[] }[] }
      return products[0].variants.find((v) => v.sku === RING.sku)!.calculated_price.calculated_amount
    }
    const ringBefore = await ringPrice(nodes.a)
    expect(await ringPrice(nodes.b)).toBe(ringBefore)

    // The load: a fixed mix of writes, pulled by the counters from one queue.
    let opNumber = 0
    const opsFor = (phase: string, count: number): Op[] =>
      Array.from({ length: count }, (_, i) => {
        const kind = (["sale", "redeem", "interaction", "redeem"] as const)[i % 4]
        const n = ++opNumber
        return { kind, key: `CL-${run}-${phase}-${kind.toUpperCase()}-${n}`, n }
      })
    const perform = async (client: LoadClient, op: Op): Promise<Done> => {
      // A customer at the counter for four requests in a row: a bill, a redemption, a visit logged, a redemption.
      const customer = customers[Math.floor((op.n - 1) / 4) % CUSTOMERS]
      const outcome =
        op.kind === "sale"
          ? await client.send("POST", "/admin/pos/orders", {
              idempotency_key: op.key,
              branch_id: mumbai.id,
              customer_id: customer,
              items: [{ tag_code: COIN }],
              tenders: [{ kind: "upi", amount: quote.total, reference: op.key }],
            })
          : op.kind === "redeem"
            ? await client.send("POST", `/admin/loyalty/customers/${customer}/redeem`, { points: 10, idempotency_key: op.key, order_total: 5000 })
            : await client.send("POST", `/admin/crm/customers/${customer}/interactions`, {
                channel: "walk_in",
                kind: "enquiry",
                summary: `Asked about bangles (${op.key})`,
                branch_id: mumbai.id,
                idempotency_key: op.key,
              })
      return { ...op, ...outcome }
    }
    const runPhase = async (port: number, ops: Op[], onProgress: (done: number) => void = () => undefined) => {
      const client = new LoadClient(via(port), ca, token)
      const queue = [...ops]
      const done: Done[] = []
      const started = Date.now()
      await Promise.all(
        Array.from({ length: CLIENTS }, async () => {
          for (let op = queue.shift(); op; op = queue.shift()) {
            done.push(await perform(client, op))
            onProgress(done.length)
          }
        })
      )
      client.close()
      return { done, seconds: (Date.now() - started) / 1000 }
    }

    const one = await runPhase(sites.one, opsFor("ONE", PHASE_REQUESTS.one))
    const two = await runPhase(sites.two, opsFor("TWO", PHASE_REQUESTS.two))

    // The kill: a server at a quarter of the phase, the worker at a half; the rate is published between them.
    let killedAt = 0
    let aBackAt = 0
    const events: Promise<unknown>[] = []
    let rateKey = ""
    const kill = await runPhase(sites.two, opsFor("KILL", PHASE_REQUESTS.kill), (count) => {
      if (count === PHASE_REQUESTS.kill / 4 && !killedAt) {
        killedAt = Date.now()
        events.push(
          nodes.a
            .kill()
            .then(() => nodes.a.start())
            .then((ms) => {
              aBackAt = Date.now()
              return ms
            })
        )
      }
      if (count === (PHASE_REQUESTS.kill * 3) / 8 && !rateKey) {
        rateKey = `CL-${run}-RATE`
        const rate = { metal: "gold", purity: 916, rate_per_g: Math.round(gold22.rate_per_g * 101) / 100 }
        events.push(setup.send("POST", "/admin/metal-rates", { rates: [rate], idempotency_key: rateKey, source: "cluster test" }))
      }
      if (count === PHASE_REQUESTS.kill / 2 && events.length < 3) {
        events.push(nodes.worker.kill().then(() => nodes.worker.start()))
      }
    })
    const [restartA, published, restartWorker] = await Promise.all(events)
    setup.close()
    expect((published as Outcome).status).toBe(201)
    expect(nodes.a.running && nodes.worker.running).toBe(true)
    // The restarted instance takes its share again (nginx tries it once its fail_timeout has passed).
    const after = await runPhase(sites.two, opsFor("AFTER", PHASE_REQUESTS.after))

    const all = [...one.done, ...two.done, ...kill.done, ...after.done]
    const failed = all.filter((d) => d.status >= 300)
    expect(failed.map((d) => `${d.key} → ${d.status} ${JSON.stringify(d.body)}`)).toEqual([])

    // Routing around the dead instance: from the SIGKILL to the first answer of a request sent after it.
    const afterKill = kill.done.filter((d) => d.startedAt >= killedAt).sort((x, y) => x.endedAt - y.endedAt)
    const routedAroundMs = afterKill.length ? afterKill[0].endedAt - killedAt : NaN
    const duringKill = kill.done.filter((d) => d.endedAt >= killedAt && d.startedAt <= killedAt + 10_000)
    const instanceOf = (upstream?: string) => {
      const port = Number(upstream?.split(",").pop()?.trim().split(":").pop())
      return port === nodes.a.port ? "a" : port === nodes.b.port ? "b" : "?"
    }
    // While server-a was down nothing was answered by it; before and after, both took requests.
    expect(kill.done.filter((d) => d.startedAt > killedAt && d.endedAt < aBackAt && instanceOf(d.upstream) === "a")).toEqual([])
    expect([two, after].map((phase) => ["a", "b"].map((which) => phase.done.some((d) => instanceOf(d.upstream) === which)))).toEqual([
      [true, true],
      [true, true],
    ])

    // Every answered write is in the database once.
    const keys = (kind: Op["kind"]) => all.filter((d) => d.kind === kind).map((d) => d.key)
    const once = async (sql: string, wanted: string[]) => {
      const { rows } = await db.query<{ key: string; n: number }>(sql, [wanted])
      return { missing: wanted.filter((k) => !rows.some((r) => r.key === k)), twice: rows.filter((r) => Number(r.n) !== 1) }
    }
    const sales = await once("select idempotency_key as key, count(*)::int as n from pos_sale where idempotency_key = any($1) and status = 'completed' group by 1", keys("sale"))
    const redemptions = await once("select idempotency_key as key, count(*)::int as n from points_entry where idempotency_key = any($1) and type = 'redeem' group by 1", keys("redeem"))
    const visits = await once("select idempotency_key as key, count(*)::int as n from interaction where idempotency_key = any($1) and deleted_at is null group by 1", keys("interaction"))
    expect({ sales, redemptions, visits }).toEqual({
      sales: { missing: [], twice: [] },
      redemptions: { missing: [], twice: [] },
      visits: { missing: [], twice: [] },
    })
    const { rows: mismatches } = await db.query(
      `select a.id from loyalty_account a left join points_entry e on e.account_id = a.id and e.deleted_at is null
        where a.deleted_at is null group by a.id having a.balance <> coalesce(sum(e.points), 0)`
    )
    expect(mismatches).toEqual([])

    // What the worker does after a sale (events queued in Redis while it was down): points earned once per bill,
    // the confirmation SMS sent once; the rate's repricing once, finished.
    const saleOrders = (await db.query<{ order_id: string }>("select order_id from pos_sale where idempotency_key = any($1)", [keys("sale")])).rows.map((r) => r.order_id)
    const earned = await waitFor(
      "every sale's points earned",
      async () => {
        const { rows } = await db.query<{ order_id: string; n: number }>(
          "select order_id, count(*)::int as n from points_entry where order_id = any($1) and type = 'earn' and deleted_at is null group by 1",
          [saleOrders]
        )
        return rows.length === saleOrders.length ? rows : undefined
      },
      { timeout: 180_000, interval: 500 }
    )
    expect(earned.filter((r) => r.n !== 1)).toEqual([])
    const repriced = await waitFor(
      "the rate's repricing to finish",
      async () => {
        const { rows } = await db.query<{ status: string; processed: number; total: number }>(
          "select status, processed, total from reprice_job where trigger = 'rates_set' and created_at >= $1",
          [testStarted]
        )
        return rows.length && rows.every((r) => r.status === "succeeded" || r.status === "failed") ? rows : undefined
      },
      { timeout: 180_000, interval: 500 }
    )
    expect(repriced.map((r) => [r.status, r.processed === r.total])).toEqual([["succeeded", true]])
    const { rows: rateRows } = await db.query("select id from metal_rate where idempotency_key = $1", [rateKey])
    expect(rateRows).toHaveLength(1)
    // The repricing on the worker emptied the cached catalogue for every server: both list the ring's new price.
    const ringAfter = [await ringPrice(nodes.a), await ringPrice(nodes.b)]
    expect(ringAfter[0]).toBeGreaterThan(ringBefore)
    expect(ringAfter[1]).toBe(ringAfter[0])
    // The drain job runs each minute on the worker: wait for the confirmations it sends.
    const confirmations = await waitFor(
      "every sale's confirmation sent",
      async () => {
        const { rows } = await db.query<{ status: string; provider_message_id: string | null; to: string; body: string; reason: string | null; attempts: number }>(
          `select status, provider_message_id, "to", body, reason, attempts from message where idempotency_key = any($1)`,
          [saleOrders.map((id) => `order:${id}:placed`)]
        )
        return rows.length === saleOrders.length && rows.every((r) => r.status !== "queued" && r.status !== "sending") ? rows : undefined
      },
      { timeout: 240_000, interval: 1000 }
    )
    // A batch the worker was sending when it was killed may or may not have reached Twilio: the outbox sends at most
    // once, so the next drain marks those failed for staff to resend (src/modules/messaging/service.ts,
    // failInterruptedMessages). Every other confirmation was sent, and each reached Twilio exactly once.
    const interrupted = confirmations.filter((m) => m.status === "failed" && /interrupted while sending/.test(m.reason ?? ""))
    expect(confirmations.filter((m) => m.status !== "sent" && m.status !== "delivered" && !interrupted.includes(m))).toEqual([])
    const received = (m: { to: string; body: string }) => twilio.messages.filter((t) => t.to === m.to && t.body === m.body).length
    expect(confirmations.filter((m) => (interrupted.includes(m) ? received(m) > 1 : received(m) !== 1))).toEqual([])

    // The figures.
    const row = (name: string, instances: string, phase: { done: Done[]; seconds: number }) => {
      const ms = phase.done.map((d) => d.ms).sort((x, y) => x - y)
      const retried = phase.done.filter((d) => d.attempts > 1).length
      const by = (which: string) => phase.done.filter((d) => instanceOf(d.upstream) === which).length
      return `| ${name} | ${instances} | ${phase.done.length} | ${phase.done.filter((d) => d.status < 300).length} | ${retried} | ${phase.done.filter((d) => d.status >= 300).length} | ${by("a")} / ${by("b")} | ${(phase.done.length / phase.seconds).toFixed(1)} | ${percentile(ms, 50)} | ${percentile(ms, 95)} |`
    }
    const retriedOn = kill.done.flatMap((d) => d.retriedOn)
    process.stdout.write(
      [
        "",
        `Cluster test (${CLIENTS} counters through nginx with TLS; sales, redemptions, visits):`,
        "| phase | servers | requests | answered 2xx | retried | failed | by a / b | req/s | p50 ms | p95 ms |",
        "|---|---|---|---|---|---|---|---|---|---|",
        row("one instance", "1", one),
        row("two instances", "2", two),
        row("kill and restart", "2 → 1 → 2", kill),
        row("after the restart", "2", after),
        "",
        `SIGKILL of server-a: first answer to a request sent after it ${routedAroundMs} ms later; requests around the kill (10 s): ${duringKill.length}, p95 ${percentile(duringKill.map((d) => d.ms).sort((x, y) => x - y), 95)} ms; retries met: ${retriedOn.join(", ") || "none"}`,
        `By kind, all phases (p50 / p95 ms): ${(["sale", "redeem", "interaction"] as const)
          .map((kind) => {
            const ms = all.filter((d) => d.kind === kind).map((d) => d.ms).sort((x, y) => x - y)
            return `${kind} ${percentile(ms, 50)} / ${percentile(ms, 95)}`
          })
          .join(", ")}`,
        `Restarts: server-a up again in ${((restartA as number) / 1000).toFixed(0)} s, the worker in ${((restartWorker as number) / 1000).toFixed(0)} s`,
        `Invariants: ${keys("sale").length} sales, ${keys("redeem").length} redemptions, ${keys("interaction").length} visits each stored once; ledger verifies (${mismatches.length} mismatches); ${earned.length} bills earned points once; 1 repricing of ${repriced[0].total} pieces (the ring listed at ${ringBefore} before it and ${ringAfter[0]} after by both servers); ${confirmations.length - interrupted.length} confirmations each sent once${interrupted.length ? `, ${interrupted.length} interrupted by the worker's SIGKILL (failed for staff to resend; ${interrupted.filter((m) => received(m) === 1).length} of them had reached Twilio)` : ""}`,
        "",
      ].join("\n")
    )
  })
})
