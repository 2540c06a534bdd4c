/**
 * The address a request came from. X-Forwarded-For is believed only from
 * the proxies named in TRUSTED_PROXIES (addresses, CIDR ranges, or
 * `loopback`, `linklocal`, `uniquelocal`); from anyone else it is the
 * client's own claim and is ignored, so a direct client cannot pick the
 * address that rate limits and the audit trail see.
 */
import type { IncomingMessage } from "node:http"
import { MedusaError } from "@medusajs/framework/utils"
import proxyaddr from "proxy-addr"

let compiled: { source: string; trust: (addr: string, i: number) => boolean } | undefined

/** The trust function for a TRUSTED_PROXIES value; throws, naming the variable, on a malformed one. */
export function trustedProxies(source: string | undefined): (addr: string, i: number) => boolean {
  const value = (source ?? "").trim()
  if (compiled?.source !== value) {
    const list = value
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean)
    try {
      compiled = { source: value, trust: proxyaddr.compile(list) }
    } catch (err) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `TRUSTED_PROXIES="${value}" is not a list of addresses or ranges: ${(err as Error).message}`)
    }
  }
  return compiled.trust
}

/** The client's address: the socket's, or the nearest untrusted X-Forwarded-For hop behind trusted proxies. */
export function clientAddress(req: IncomingMessage, env: Record<string, string | undefined> = process.env): string {
  if (!req.socket?.remoteAddress) {
    return "unknown"
  }
  return proxyaddr(req, trustedProxies(env.TRUSTED_PROXIES))
}
