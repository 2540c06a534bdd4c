import {
  LIMIT_VARIABLES,
  decide,
  describeWait,
  limitRulesFromEnv,
  parseLimitRule,
} from "../rate-limit"

describe("parseLimitRule", () => {
  it("reads count/duration in ms, s, m, h (bare numbers are seconds)", () => {
    expect(parseLimitRule("20/1m", null, "X")).toEqual({ limit: 20, windowMs: 60_000 })
    expect(parseLimitRule("300/60s", null, "X")).toEqual({ limit: 300, windowMs: 60_000 })
    expect(parseLimitRule(" 5 / 15m ", null, "X")).toEqual({ limit: 5, windowMs: 900_000 })
    expect(parseLimitRule("1000/1h", null, "X")).toEqual({ limit: 1000, windowMs: 3_600_000 })
    expect(parseLimitRule("10/30", null, "X")).toEqual({ limit: 10, windowMs: 30_000 })
    expect(parseLimitRule("3/1500ms", null, "X")).toEqual({ limit: 3, windowMs: 1500 })
  })

  it("falls back when unset, turns off with off", () => {
    expect(parseLimitRule(undefined, { limit: 1, windowMs: 1000 }, "X")).toEqual({ limit: 1, windowMs: 1000 })
    expect(parseLimitRule("", { limit: 1, windowMs: 1000 }, "X")).toEqual({ limit: 1, windowMs: 1000 })
    expect(parseLimitRule("OFF", { limit: 1, windowMs: 1000 }, "X")).toBeNull()
  })

  it.each(["20", "0/1m", "-1/1m", "1.5/1m", "20/1d", "20/500ms", "lots"])("refuses %p naming the variable", (text) => {
    expect(() => parseLimitRule(text, null, "RATE_LIMIT_LOGIN_IP")).toThrow(/^RATE_LIMIT_LOGIN_IP=".*" is not a limit/)
  })

  it("reads every variable with its default", () => {
    const rules = limitRulesFromEnv({ CUSTOMER_LOGIN_LOCKOUT: "3/10s", RATE_LIMIT_WEBHOOK_IP: "off" })
    expect(Object.keys(rules).sort()).toEqual(Object.keys(LIMIT_VARIABLES).sort())
    expect(rules.CUSTOMER_LOGIN_LOCKOUT).toEqual({ limit: 3, windowMs: 10_000 })
    expect(rules.RATE_LIMIT_WEBHOOK_IP).toBeNull()
    expect(rules.RATE_LIMIT_LOGIN_IP).toEqual({ limit: 300, windowMs: 60_000 })
    expect(rules.STAFF_LOGIN_LOCKOUT).toEqual({ limit: 5, windowMs: 15 * 60_000 })
    expect(() => limitRulesFromEnv({ STAFF_LOGIN_LOCKOUT: "five" })).toThrow(/STAFF_LOGIN_LOCKOUT/)
  })
})

describe("fixed window", () => {
  const rule = { limit: 3, windowMs: 60_000 }

  it("allows up to the limit, then refuses with the seconds left (rounded up, at least 1)", () => {
    expect(decide(3, 61_000, 30_000, rule)).toEqual({ allowed: true, remaining: 0, retryAfterSeconds: 31 })
    expect(decide(4, 61_000, 30_000, rule)).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 31 })
    expect(decide(1, 61_000, 1_000, rule)).toEqual({ allowed: true, remaining: 2, retryAfterSeconds: 60 })
    expect(decide(9, 61_000, 60_999, rule).retryAfterSeconds).toBe(1)
    expect(decide(9, 61_000, 61_500, rule).retryAfterSeconds).toBe(1)
  })

  it("words the wait", () => {
    expect(describeWait(1)).toBe("1 second")
    expect(describeWait(42)).toBe("42 seconds")
    expect(describeWait(60)).toBe("1 minute")
    expect(describeWait(61)).toBe("2 minutes")
    expect(describeWait(900)).toBe("15 minutes")
  })
})
