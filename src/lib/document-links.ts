/**
 * Signed, expiring links to a private document (an invoice in an order
 * message): the path and its expiry signed with HMAC-SHA256, so the link
 * works without a login until it expires and cannot be changed to reach
 * another document.
 */
import { createHmac, timingSafeEqual } from "node:crypto"

/** The key links are signed with, derived from the app's secret (never the secret itself). */
export function linkKey(appSecret: string | Buffer): Buffer {
  return createHmac("sha256", appSecret).update("jewel-crm document links").digest()
}

function sign(key: Buffer, path: string, expires: number): string {
  return createHmac("sha256", key).update(`${path}\n${expires}`).digest("base64url")
}

/** `path?expires=…&signature=…`, valid for `seconds` from `now`. */
export function signedPath(key: Buffer, path: string, seconds: number, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + Math.ceil(seconds)
  return `${path}?expires=${expires}&signature=${sign(key, path, expires)}`
}

export type LinkCheck = "ok" | "expired" | "invalid"

/** Whether a link's signature matches its path and expiry, and whether it is still valid. */
export function checkSignedPath(key: Buffer, path: string, expires: string | undefined, signature: string | undefined, now = Date.now()): LinkCheck {
  const at = Number(expires)
  if (!expires || !signature || !/^\d{1,12}$/.test(expires)) {
    return "invalid"
  }
  const expected = Buffer.from(sign(key, path, at))
  const given = Buffer.from(signature)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return "invalid"
  }
  return at * 1000 < now ? "expired" : "ok"
}
