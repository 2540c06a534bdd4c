import type { IncomingMessage } from "node:http"
import { clientAddress, trustedProxies } from "../client-address"

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({ socket: { remoteAddress }, connection: { remoteAddress }, headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} }) as unknown as IncomingMessage

describe("client address", () => {
  it("ignores X-Forwarded-For from a client no proxy list names", () => {
    expect(clientAddress(request("198.51.100.7", "203.0.113.1"), {})).toBe("198.51.100.7")
    expect(clientAddress(request("127.0.0.1", "203.0.113.1"), {})).toBe("127.0.0.1")
  })

  it("believes X-Forwarded-For from trusted proxies, up to the first untrusted hop", () => {
    const env = { TRUSTED_PROXIES: "10.0.0.0/8, loopback" }
    expect(clientAddress(request("10.1.2.3", "203.0.113.1"), env)).toBe("203.0.113.1")
    // A client that forges a first hop is still seen at the address the proxy saw.
    expect(clientAddress(request("10.1.2.3", "192.0.2.9, 203.0.113.1"), env)).toBe("203.0.113.1")
    expect(clientAddress(request("198.51.100.7", "203.0.113.1"), env)).toBe("198.51.100.7")
  })

  it("refuses a malformed list, naming the variable", () => {
    expect(() => trustedProxies("10.0.0.0/99")).toThrow(/^TRUSTED_PROXIES="10.0.0.0\/99"/)
  })
})
