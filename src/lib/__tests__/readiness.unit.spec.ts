import { isDraining, markDraining, readinessTimeoutMs, readinessVerdict, runCheck } from "../readiness"

describe("readiness", () => {
  it("is ready when every check answered and the instance is not draining", () => {
    const verdict = readinessVerdict({ database: { ok: true, ms: 3 }, redis: { skipped: "REDIS_URL not set" } }, false)
    expect(verdict).toEqual({
      status: 200,
      body: { ready: true, draining: false, checks: { database: { ok: true, ms: 3 }, redis: { skipped: "REDIS_URL not set" } } },
    })
  })

  it("is not ready when one check failed, whichever", () => {
    const down = { ok: false as const, ms: 2000, error: "no answer within 2000 ms" }
    expect(readinessVerdict({ database: down, redis: { ok: true, ms: 1 } }, false).status).toBe(503)
    expect(readinessVerdict({ database: { ok: true, ms: 1 }, redis: down }, false).status).toBe(503)
    expect(readinessVerdict({ database: { ok: true, ms: 1 }, redis: down }, false).body.ready).toBe(false)
  })

  it("is not ready while draining, even with every check passing", () => {
    const verdict = readinessVerdict({ database: { ok: true, ms: 1 } }, true)
    expect(verdict.status).toBe(503)
    expect(verdict.body).toMatchObject({ ready: false, draining: true })
  })

  it("runs a check within its time limit: an answer, an error, no answer", async () => {
    expect(await runCheck(async () => "PONG", 100)).toMatchObject({ ok: true })
    expect(await runCheck(async () => Promise.reject(new Error("ECONNREFUSED")), 100)).toMatchObject({ ok: false, error: "ECONNREFUSED" })
    const started = Date.now()
    const hung = await runCheck(() => new Promise(() => undefined), 50)
    expect(hung).toMatchObject({ ok: false, error: "no answer within 50 ms" })
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it("reads READINESS_TIMEOUT_MS", () => {
    expect(readinessTimeoutMs({})).toBe(2000)
    expect(readinessTimeoutMs({ READINESS_TIMEOUT_MS: "500" })).toBe(500)
    expect(() => readinessTimeoutMs({ READINESS_TIMEOUT_MS: "2s" })).toThrow(/READINESS_TIMEOUT_MS="2s" must be a whole number/)
    expect(() => readinessTimeoutMs({ READINESS_TIMEOUT_MS: "0" })).toThrow(/from 1 to 60000/)
  })

  it("keeps the draining flag on the process", () => {
    expect(isDraining()).toBe(false)
    markDraining()
    expect(isDraining()).toBe(true)
    markDraining(false)
    expect(isDraining()).toBe(false)
  })
})
