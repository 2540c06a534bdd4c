import net from "node:net"
import path from "node:path"
import { readdir } from "node:fs/promises"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PROFILE_LINK_TABLE } from "../../src/lib/link-tables"
import { markDraining } from "../../src/lib/readiness"
import type { ShopSuite } from "../support/runner"

/** A loopback port nothing listens on: a Redis that is down. */
async function closedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

export const healthSuite: ShopSuite = ({ api, getContainer }) => {
  const get = (path: string) => api.get(path, { validateStatus: () => true })

  describe("GET /health", () => {
    it("answers 200 once the app has booted", async () => {
      const response = await api.get("/health")
      expect(response.status).toBe(200)
    })
  })

  describe("GET /health/ready", () => {
    afterEach(() => {
      markDraining(false)
      delete process.env.REDIS_URL
    })

    it("answers 200 with the database checked and Redis skipped when REDIS_URL is not set", async () => {
      const response = await get("/health/ready")
      expect(response.status).toBe(200)
      expect(response.headers["cache-control"]).toBe("no-store")
      expect(response.data).toMatchObject({
        ready: true,
        draining: false,
        checks: { database: { ok: true }, migrations: { ok: true }, redis: { skipped: "REDIS_URL not set" } },
      })
    })

    it("answers 503 naming Redis when REDIS_URL points at a Redis that does not answer", async () => {
      process.env.REDIS_URL = `redis://127.0.0.1:${await closedPort()}`
      const response = await get("/health/ready")
      expect(response.status).toBe(503)
      expect(response.data.ready).toBe(false)
      expect(response.data.checks.database.ok).toBe(true)
      expect(response.data.checks.redis.ok).toBe(false)
      expect(response.data.checks.redis.error).toEqual(expect.any(String))
    })

    it("answers 503 naming what `medusa db:migrate` has not applied yet: a module's migration, a link's table, a migration script", async () => {
      const db = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const [latest] = (await readdir(path.join(__dirname, "../../src/modules/pos/migrations"))).filter((f) => /^Migration\d+\.ts$/.test(f)).sort().reverse()
      const migration = latest.replace(/\.ts$/, "")
      expect(await db("mikro_orm_migrations").where({ name: migration }).delete()).toBe(1)
      expect(await db("link_module_migrations").where({ table_name: PROFILE_LINK_TABLE }).delete()).toBe(1)
      expect(await db("script_migrations").where({ script_name: "customer-360-first.ts" }).delete()).toBe(1)

      const response = await get("/health/ready")
      expect(response.status).toBe(503)
      expect(response.data.checks.database.ok).toBe(true)
      expect(response.data.checks.migrations).toMatchObject({ ok: false })
      expect(response.data.checks.migrations.error).toBe(
        `not applied yet (run medusa db:migrate): migration ${migration}, link table ${PROFILE_LINK_TABLE}, migration script customer-360-first`
      )

      await db("mikro_orm_migrations").insert({ name: migration })
      await db("link_module_migrations").insert({ table_name: PROFILE_LINK_TABLE })
      await db("script_migrations").insert({ script_name: "customer-360-first.js", finished_at: new Date() })
      const current = await get("/health/ready")
      expect([current.status, current.data.checks.migrations.ok]).toEqual([200, true])
    })

    it("answers 503 while the instance drains after SIGTERM, and /health stays 200", async () => {
      markDraining()
      const ready = await get("/health/ready")
      expect(ready.status).toBe(503)
      expect(ready.data).toMatchObject({ ready: false, draining: true, checks: { database: { ok: true } } })
      expect((await get("/health")).status).toBe(200)
    })

    it("is neither rate-limited nor behind a login", async () => {
      const answers = await Promise.all(Array.from({ length: 30 }, () => get("/health/ready")))
      expect(answers.map((a) => a.status)).toEqual(Array(30).fill(200))
    })
  })
}
