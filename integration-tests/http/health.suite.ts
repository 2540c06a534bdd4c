import net from "node:net"
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

export const healthSuite: ShopSuite = ({ api }) => {
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
        checks: { database: { ok: true }, redis: { skipped: "REDIS_URL not set" } },
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
