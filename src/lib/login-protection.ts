/**
 * Sign-in protection against password guessing, without handing a stranger
 * a way to lock the owner out (docs/security.md, "Sign-in protection"):
 *
 * - every attempt is counted before the password is checked, so a burst of
 *   parallel guesses cannot slip past the count;
 * - attempts from a browser that has signed in to the account before carry
 *   a signed *device cookie* and are counted per device; all other attempts
 *   share the account's count. Guessing from elsewhere locks out only
 *   unknown devices: the right password from a known device still works.
 *
 * Pure: the keys and tokens here are checked by the HTTP layer against a
 * window store.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto"

/** Device cookies live a year: a shop's counter browsers sign in for months. */
export const DEVICE_COOKIE_MAX_AGE_MS = 365 * 24 * 3600 * 1000

/** An email as a short hash: no personal data in store keys or cookies. */
export function accountKey(value: unknown): string | undefined {
  if (typeof value !== "string" || !value.trim()) {
    return undefined
  }
  return createHash("sha256").update(value.trim().toLowerCase()).digest("base64url").slice(0, 22)
}

/** The cookie's name for an actor type (`user` for staff, `customer`). */
export function deviceCookieName(actorType: string): string {
  return `jewel_device_${actorType.toLowerCase().replace(/[^a-z0-9]/g, "")}`
}

function sign(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(payload).digest("base64url")
}

/** A new device token for an account: `<account>.<nonce>.<issued>.<mac>`. */
export function issueDeviceToken(account: string, secret: string, now = Date.now()): string {
  const payload = `${account}.${randomBytes(12).toString("base64url")}.${now.toString(36)}`
  return `${payload}.${sign(payload, secret)}`
}

/**
 * The device's id when `token` is a genuine, unexpired device token for
 * `account`; undefined otherwise (a forged, foreign or stale cookie counts
 * as an unknown device).
 */
export function deviceIdFor(token: unknown, account: string, secret: string, now = Date.now()): string | undefined {
  if (typeof token !== "string") {
    return undefined
  }
  const parts = token.split(".")
  if (parts.length !== 4 || parts[0] !== account) {
    return undefined
  }
  const payload = parts.slice(0, 3).join(".")
  const expected = Buffer.from(sign(payload, secret))
  const given = Buffer.from(parts[3])
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return undefined
  }
  const issued = parseInt(parts[2], 36)
  if (!Number.isFinite(issued) || now - issued > DEVICE_COOKIE_MAX_AGE_MS || issued - now > 60_000) {
    return undefined
  }
  return parts[1]
}

/** A cookie's value from a Cookie header, without a parser for one value. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=")
    if (key === name) {
      return rest.join("=")
    }
  }
  return undefined
}

/** The bucket a sign-in attempt is counted in: the known device's own, or the account's. */
export function attemptBucket(actorType: string, account: string, deviceId: string | undefined): string {
  return deviceId ? `login-device:${actorType}:${account}:${deviceId}` : `login-account:${actorType}:${account}`
}
