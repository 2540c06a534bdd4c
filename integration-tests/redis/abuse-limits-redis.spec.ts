/**
 * With REDIS_URL set, rate-limit windows live in Redis, so every server
 * instance counts against the same limit.
 */
import { shopIntegrationRunner } from "../support/runner"
import Redis from "ioredis"

jest.setTimeout(180 * 1000)

type Answer = { status: number; data: any; headers: Record<string, string> }

shopIntegrationRunner({
  start: "schema",
  // The test client is on loopback: its X-Forwarded-For stands for the client's address.
  env: { RATE_LIMIT_LOGIN_IP: "3/1m", TRUSTED_PROXIES: "loopback" },
  testSuite: ({ api }) => {
    let redis: Redis

    beforeAll(() => {
      redis = new Redis(process.env.REDIS_URL!)
    })

    afterAll(async () => {
      await redis.quit()
    })

    const login = (ip: string) =>
      api
        .post("/auth/customer/emailpass", { email: `nobody-${ip}@example.in`, password: "x" }, { headers: { "x-forwarded-for": ip } })
        .catch((err: { response: Answer }) => err.response) as Promise<Answer>

    it("counts store logins in Redis keys that expire with the window", async () => {
      const ip = `198.51.100.${Date.now() % 200}`
      expect((await login(ip)).status).toBe(401)
      expect((await login(ip)).status).toBe(401)
      const key = `jewel:rl:login-ip:${ip}`
      expect(await redis.get(key)).toBe("2")
      const ttl = await redis.pttl(key)
      expect(ttl).toBeGreaterThan(0)
      expect(ttl).toBeLessThanOrEqual(60_000)
    })

    it("refuses once the count in Redis (from any instance) reaches the limit", async () => {
      const ip = `203.0.113.${Date.now() % 200}`
      const key = `jewel:rl:login-ip:${ip}`
      // Three logins already counted by other instances.
      await redis.set(key, "3", "PX", 30_000)
      const limited = await login(ip)
      expect(limited.status).toBe(429)
      expect(Number(limited.headers["retry-after"])).toBeLessThanOrEqual(30)
      expect(await redis.get(key)).toBe("4")
    })
  },
})
