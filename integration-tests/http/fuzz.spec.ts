/**
 * Bad-input fuzz suite: every route of ours (the middleware config and the
 * route files on disk) is sent inputs its validator must refuse. Every answer
 * must be a 4xx with a JSON `message`, never a 5xx, never a 2xx — and no row
 * of any table may change over a route's batch.
 *
 * FUZZ_SEED (default 11) fixes the cases; FUZZ_CASES (default 6) is how many
 * schema-derived cases each route gets; FUZZ_LONG=1 raises that to 60.
 *
 * Decided: a GET route that declares no query parameters ignores unknown ones
 * (as Medusa's own routes do), so junk query parameters there may answer 2xx;
 * they must still not fail or change anything. Every other case must be 4xx.
 */
import fs from "node:fs"
import path from "node:path"
import { shopIntegrationRunner } from "../support/runner"
import { eventsSettled } from "../support/wait"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"
import middlewares from "../../src/api/middlewares"
import { validatorOf, type ValidatorInfo } from "../../src/api/utils/validation"
import { BAD_IDS, JUNK_QUERIES, MALFORMED_IDS, RAW_BODIES, bodyCases, hashSeed, queryCases } from "../support/fuzz"
import { demoShop, signedInCustomer, type Headers } from "./helpers"

jest.setTimeout(240 * 1000)

const SEED = Number(process.env.FUZZ_SEED ?? 11)
const LONG = process.env.FUZZ_LONG === "1"
const CASES = Number(process.env.FUZZ_CASES ?? (LONG ? 60 : 6))

// Webhook secrets set, so the hooks check signatures rather than answer "not configured".
// Razorpay's API points at a closed port: nothing here may reach it.
Object.assign(process.env, {
  TWILIO_AUTH_TOKEN: "fuzz-twilio-token",
  GUPSHUP_WEBHOOK_SECRET: "fuzz-gupshup-secret",
  RAZORPAY_KEY_ID: "rzp_test_fuzz",
  RAZORPAY_KEY_SECRET: "fuzz-razorpay-secret",
  RAZORPAY_WEBHOOK_SECRET: "fuzz-razorpay-webhook-secret",
  RAZORPAY_API_BASE: "http://127.0.0.1:9",
  RAZORPAY_TIMEOUT_MS: "500",
})

/**
 * Tables requests may write even when refused, each with why. Everything
 * else must keep its row count and its rows' xmin (any insert, update or
 * delete changes one of them).
 */
const WRITTEN_BY_ANY_REQUEST: Record<string, string> = {
  workflow_execution: "Medusa's workflow engine records executions, failed ones included",
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE"
type Route = { method: Method; path: string; body?: ValidatorInfo; query?: ValidatorInfo; fromFile: boolean }

/** `/admin/x/[id]/y` → `/admin/x/:id/y` */
function routePath(file: string): string {
  const rel = path.relative(path.join(__dirname, "../../src/api"), path.dirname(file)).split(path.sep).join("/")
  return `/${rel}`.replace(/\[([^\]]+)\]/g, ":$1")
}

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? routeFiles(p) : e.name === "route.ts" ? [p] : []
  })
}

/** Every route: its methods from the route files and the middleware config, with the validators the config gives it. */
function enumerateRoutes(): Route[] {
  const routes = new Map<string, Route>()
  for (const file of routeFiles(path.join(__dirname, "../../src/api"))) {
    const source = fs.readFileSync(file, "utf8")
    for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) {
      const method = m[1] as Method
      routes.set(`${method} ${routePath(file)}`, { method, path: routePath(file), fromFile: true })
    }
  }
  for (const r of middlewares.routes ?? []) {
    const matcher = r.matcher
    if (typeof matcher !== "string" || matcher.includes("*")) {
      continue // wildcards only authenticate or widen fields; they are not routes of their own
    }
    for (const method of (r.methods ?? []) as Method[]) {
      const key = `${method} ${matcher}`
      const route = routes.get(key) ?? { method, path: matcher, fromFile: false }
      for (const mw of r.middlewares ?? []) {
        const info = validatorOf(mw)
        if (info?.part === "query") {
          route.query = info
        } else if (info) {
          route.body = info
        }
      }
      routes.set(key, route)
    }
  }
  // A config entry without a route file or a validator of ours only adds a check (roles, branch scope, rate limit,
  // audit) to one of Medusa's own routes: Medusa's routes are not what this suite tests.
  return [...routes.values()]
    .filter((r) => r.fromFile || r.body || r.query)
    .sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`))
}

// FUZZ_ROUTES (a regular expression) narrows the run to the routes it matches, e.g. FUZZ_ROUTES='^POST /store'.
const ROUTES = enumerateRoutes().filter((r) => !process.env.FUZZ_ROUTES || new RegExp(process.env.FUZZ_ROUTES).test(`${r.method} ${r.path}`))

/** Cases a route may answer 2xx, with why (none today). A 5xx from Medusa's core we cannot fix would be listed here too. */
const EXCLUDED: Record<string, string> = {}

type Outcome = { status: number; data: unknown }
type Sent = { name: string; outcome: Outcome; may2xx?: boolean; input?: unknown }

shopIntegrationRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Headers
    let customer: Headers
    let tables: string[] = []
    const realIds = new Map<string, string>()
    let baseline = new Map<string, string>()
    let baselineXid = ""

    const pg = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as { raw: (sql: string, b?: unknown[]) => Promise<{ rows: any[] }> }

    beforeAll(async () => {
      const shop = await demoShop(getContainer(), api)
      admin = shop.auth
      ;({ me: customer } = await signedInCustomer(api as never, shop.store, { email: "fuzz.customer@example.in", password: "Fuzz-password-1", first_name: "Fuzz" }))
      const { rows } = await pg().raw(`select tablename from pg_tables where schemaname = 'public' order by tablename`)
      tables = rows.map((r: { tablename: string }) => r.tablename).filter((t: string) => !(t in WRITTEN_BY_ANY_REQUEST) && !t.startsWith("mikro_orm") && t !== "script_migrations")
      // A real id for each path parameter, found by the segment before it: /admin/crm/customers/:id → a customer's id.
      for (const route of ROUTES) {
        for (const m of route.path.matchAll(/\/([^/:]+)\/:(\w+)/g)) {
          const [, segment, param] = m
          if (realIds.has(segment)) {
            continue
          }
          const singular = segment.replace(/-/g, "_").replace(/ies$/, "y").replace(/(ch|sh|x|ss)es$/, "$1").replace(/s$/, "")
          const table = tables.find((t) => t === singular) ?? tables.find((t) => t.endsWith(`_${singular}`))
          const column = param === "code" ? "code" : "id"
          if (table) {
            const found = await pg()
              .raw(`select "${column}" as v from "${table}" limit 1`)
              .catch(() => ({ rows: [] }))
            if (found.rows[0]?.v) {
              realIds.set(segment, String(found.rows[0].v))
            }
          }
        }
      }
      // Every GET asked once properly: what one makes on first use (the automatic campaigns) is then there already.
      for (const route of ROUTES.filter((r) => r.method === "GET")) {
        await send(route.method, url(route.path, "real"))
      }
      // Let what the seeding set off (subscribers, repricing) settle before the first snapshot.
      await eventsSettled(getContainer())
      baselineXid = await nextXid()
      baseline = await snapshot()
    })

    /** The next transaction id: it moves only when some transaction wrote (or took a row lock). */
    async function nextXid(): Promise<string> {
      const { rows } = await pg().raw(`select pg_snapshot_xmax(pg_current_snapshot())::text as x`)
      return rows[0].x
    }

    /**
     * Tables changed since the last check. When no transaction id was taken
     * meanwhile nothing can have changed, and the full snapshot is skipped.
     */
    async function changedTables(): Promise<string[]> {
      const xid = await nextXid()
      if (xid === baselineXid) {
        return []
      }
      const now = await snapshot()
      const changed = [...baseline.keys()].filter((t) => baseline.get(t) !== now.get(t))
      baseline = now
      baselineXid = xid
      return changed
    }

    /** Row count and Σxmin of every table, in one query. */
    async function snapshot(): Promise<Map<string, string>> {
      const sql = tables.map((t) => `select '${t}' as t, count(*)::text || ':' || coalesce(sum(xmin::text::bigint), 0)::text as s from "${t}"`).join(" union all ")
      const { rows } = await pg().raw(sql)
      return new Map(rows.map((r: { t: string; s: string }) => [r.t, r.s]))
    }

    function headersFor(p: string): Record<string, string> {
      if (p.startsWith("/admin")) {
        return admin.headers
      }
      if (p.startsWith("/store")) {
        return customer.headers
      }
      return {}
    }

    function url(p: string, ids: "real" | string, query?: Record<string, string | string[]>, { encode = true } = {}): string {
      const filled = p.replace(/\/([^/:]+)\/:(\w+)/g, (_all, segment: string) => {
        const id = ids === "real" ? (realIds.get(segment) ?? "does_not_exist") : ids
        return `/${segment}/${encode ? encodeURIComponent(id) : id}`
      })
      const qs = query ? new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]]))).toString() : ""
      return qs ? `${filled}?${qs}` : filled
    }

    async function send(method: Method, target: string, opts: { body?: unknown; raw?: { contentType: string; data: string } } = {}): Promise<Outcome> {
      const headers: Record<string, string> = { ...headersFor(target) }
      const config: Record<string, unknown> = { headers, validateStatus: () => true, maxContentLength: Infinity, maxBodyLength: Infinity }
      // Bodies go out as the exact JSON text the generator judged (axios would rebuild objects and drop "__proto__" keys).
      const raw = opts.raw ?? (opts.body === undefined ? undefined : { contentType: "application/json", data: JSON.stringify(opts.body) })
      if (raw) {
        headers["content-type"] = raw.contentType
        config.transformRequest = [(d: unknown) => d]
      }
      const res = await (api as any).request({ method, url: target, data: raw?.data, ...config })
      return { status: res.status, data: res.data }
    }

    function verdict(route: Route, sent: Sent): string | null {
      const { status, data } = sent.outcome
      const key = `${route.method} ${route.path} :: ${sent.name}`
      if (EXCLUDED[key]) {
        return null
      }
      const message = (data as { message?: unknown } | null)?.message
      if (status >= 500) {
        return `${key} → ${status} ${JSON.stringify(data).slice(0, 200)}`
      }
      if (status < 400) {
        return sent.may2xx ? null : `${key} → ${status} for invalid input${sent.input === undefined ? "" : ` ${JSON.stringify(sent.input).slice(0, 200)}`}`
      }
      if (typeof message !== "string" || !message.trim()) {
        return `${key} → ${status} without a message: ${JSON.stringify(data).slice(0, 200)}`
      }
      return null
    }

    describe(`bad input on every route (seed ${SEED}, ${CASES} cases per validator)`, () => {
      it("finds the routes, and every body-taking route validates its body with validateBody (src/api/utils/validation.ts)", () => {
        if (process.env.FUZZ_ROUTES) {
          return
        }
        expect(ROUTES.length).toBeGreaterThan(50)
        // Every route that takes a body from the admin or storefront validates it; the two uploads read files
        // (multipart, CSV) and validate their query. A validator made with Medusa's validateAndTransformBody
        // directly is not tagged and lands here: use validateBody.
        const unvalidated = ROUTES.filter((r) => r.method !== "GET" && r.method !== "DELETE" && !r.body && !r.path.startsWith("/hooks/payment"))
        expect(unvalidated.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /admin/jewelry/images", "POST /admin/jewelry/import"])
      })

      /** One route's batch: its failures and the tables it changed. */
      async function fuzzRoute(route: Route): Promise<{ failures: string[]; changed: string[] }> {
        const seed = hashSeed(SEED, `${route.method} ${route.path}`)
        const hasParams = route.path.includes("/:")
        const takesBody = route.method !== "GET" && route.method !== "DELETE"
        const sent: Sent[] = []
        const started = Date.now()

        if (route.body) {
          for (const c of await bodyCases(route.body.schema as z.ZodType, { seed, count: CASES })) {
            sent.push({ name: `body ${c.name}`, outcome: await send(route.method, url(route.path, "real"), { body: c.body }), input: c.body })
          }
        }
        if (route.query) {
          for (const c of await queryCases(route.query.schema as z.ZodType, { seed, count: CASES })) {
            sent.push({ name: `query ${c.name}`, outcome: await send(route.method, url(route.path, "real", c.query)) })
          }
        } else if (route.method === "GET") {
          for (const c of JUNK_QUERIES) {
            sent.push({ name: `junk query ${c.name}`, outcome: await send(route.method, url(route.path, "real", c.query)), may2xx: true })
          }
        }
        if (takesBody) {
          for (const raw of RAW_BODIES) {
            // A body that parses is judged by the schema: one it accepts is not bad input.
            if (raw.name === "prototype pollution" && route.body && (route.body.schema as z.ZodType).safeParse(JSON.parse(raw.data)).success) {
              continue
            }
            sent.push({ name: `raw ${raw.name}`, outcome: await send(route.method, url(route.path, "real"), { raw }) })
          }
        }
        if (hasParams) {
          for (const id of BAD_IDS) {
            sent.push({ name: `unknown id ${id.slice(0, 30)}`, outcome: await send(route.method, url(route.path, id), takesBody ? { body: {} } : {}) })
          }
          for (const id of MALFORMED_IDS) {
            sent.push({ name: `malformed id ${id}`, outcome: await send(route.method, url(route.path, id, undefined, { encode: false }), takesBody ? { body: {} } : {}) })
          }
        }

        const sentAt = Date.now()
        const changed = (await changedTables()).map((t) => `${route.method} ${route.path} changed ${t}`)
        if (process.env.FUZZ_TIMING === "1") {
          process.stdout.write(`${route.method} ${route.path}: ${sent.length} requests in ${sentAt - started} ms, check ${Date.now() - sentAt} ms\n`)
        }
        const failures = sent.map((s) => verdict(route, s)).filter((f): f is string => !!f)
        if (!sent.length) {
          failures.push(`${route.method} ${route.path} :: no case was sent`)
        }
        return { failures, changed }
      }

      // One test per area (/admin/crm, /store/customers, …): the runner restores the database before every test,
      // which costs a second; the routes of an area are still checked one by one, each against its own snapshot.
      const areas = new Map<string, Route[]>()
      for (const route of ROUTES) {
        const area = route.path.split("/").slice(0, 3).join("/")
        areas.set(area, [...(areas.get(area) ?? []), route])
      }
      for (const [area, routes] of areas) {
        it(`${area}: ${routes.map((r) => `${r.method} ${r.path.slice(area.length) || "/"}`).join(", ")}`, async () => {
          // The database was just restored: start from what it holds now.
          baselineXid = await nextXid()
          baseline = await snapshot()
          const failures: string[] = []
          const changed: string[] = []
          for (const route of routes) {
            const result = await fuzzRoute(route)
            failures.push(...result.failures)
            changed.push(...result.changed)
          }
          expect({ failures, changed }).toEqual({ failures: [], changed: [] })
        })
      }
    })
  },
})
