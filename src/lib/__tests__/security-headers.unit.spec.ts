import { HSTS_VALUE, parseHstsMode, securityHeaderValues } from "../security-headers"

describe("security headers", () => {
  it("always sets nosniff, SAMEORIGIN framing, a referrer policy and a permissions policy, and no CSP", () => {
    const headers = securityHeaderValues({ hsts: "auto", secure: false })
    expect(headers).toEqual({
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "SAMEORIGIN",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    })
    expect(Object.keys(headers)).not.toContain("Content-Security-Policy")
  })

  it("sends HSTS over HTTPS in auto mode, always with always, never with off", () => {
    expect(securityHeaderValues({ hsts: "auto", secure: true })["Strict-Transport-Security"]).toBe(HSTS_VALUE)
    expect(securityHeaderValues({ hsts: "always", secure: false })["Strict-Transport-Security"]).toBe(HSTS_VALUE)
    expect(securityHeaderValues({ hsts: "off", secure: true })["Strict-Transport-Security"]).toBeUndefined()
  })

  it("reads HSTS", () => {
    expect(parseHstsMode(undefined)).toBe("auto")
    expect(parseHstsMode(" Always ")).toBe("always")
    expect(parseHstsMode("off")).toBe("off")
    expect(() => parseHstsMode("yes")).toThrow(/HSTS="yes" must be auto/)
  })
})
