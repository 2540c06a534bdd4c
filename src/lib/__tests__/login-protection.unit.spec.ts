import { accountKey, attemptBucket, cookieValue, DEVICE_COOKIE_MAX_AGE_MS, deviceCookieName, deviceIdFor, issueDeviceToken } from "../login-protection"

describe("sign-in protection", () => {
  const secret = "k".repeat(32) + "x"
  const account = accountKey(" Owner@Shop.example ")!

  it("keys an account by its email, whatever the case and spaces", () => {
    expect(account).toBe(accountKey("owner@shop.example"))
    expect(account).toHaveLength(22)
    expect(accountKey("")).toBeUndefined()
    expect(accountKey(["owner@shop.example"])).toBeUndefined()
  })

  it("recognises its own device tokens for the account they were issued for", () => {
    const now = 1_800_000_000_000
    const token = issueDeviceToken(account, secret, now)
    const device = deviceIdFor(token, account, secret, now + 1000)
    expect(device).toMatch(/^[A-Za-z0-9_-]{16}$/)
    expect(deviceIdFor(token, accountKey("other@shop.example")!, secret, now)).toBeUndefined()
    expect(deviceIdFor(token, account, "another-secret-of-enough-length!!", now)).toBeUndefined()
    expect(deviceIdFor(token.replace(/.$/, (c) => (c === "A" ? "B" : "A")), account, secret, now)).toBeUndefined()
    expect(deviceIdFor(token, account, secret, now + DEVICE_COOKIE_MAX_AGE_MS + 1)).toBeUndefined()
    expect(deviceIdFor(undefined, account, secret, now)).toBeUndefined()
    expect(deviceIdFor("a.b.c", account, secret, now)).toBeUndefined()
  })

  it("counts a known device on its own and every other attempt on the account", () => {
    expect(attemptBucket("user", account, undefined)).toBe(`login-account:user:${account}`)
    expect(attemptBucket("user", account, "dev1")).toBe(`login-device:user:${account}:dev1`)
  })

  it("reads one cookie from a Cookie header", () => {
    expect(deviceCookieName("user")).toBe("jewel_device_user")
    expect(cookieValue("a=1; jewel_device_user=x.y.z=; b=2", "jewel_device_user")).toBe("x.y.z=")
    expect(cookieValue(undefined, "a")).toBeUndefined()
  })
})
