/**
 * Rate limits and lock-outs as fixed windows that open with the first hit:
 * a key counts hits until `windowMs` after its first one, then starts over.
 * The counting is rate-limiter-flexible's (in memory, or in Redis shared by
 * every instance); what a count means is decided here.
 */

import { MedusaError } from "@medusajs/framework/utils"

export type LimitRule = { limit: number; windowMs: number }

/** A window in a store: hits so far and when it closes (epoch ms). */
export type WindowState = { count: number; resetAt: number }

export type LimitDecision = {
  allowed: boolean
  /** hits still allowed in this window */
  remaining: number
  /** whole seconds until the window closes (at least 1) */
  retryAfterSeconds: number
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

/**
 * Reads a rule written `<count>/<duration>`: `20/1m`, `300/60s`, `5/15m`,
 * `1000/1h` (a bare number of seconds is accepted: `10/30`). `off` turns the
 * limit off. Unset or empty gives the fallback; anything else throws,
 * naming the variable.
 */
export function parseLimitRule(text: string | undefined, fallback: LimitRule | null, name: string): LimitRule | null {
  const value = text?.trim()
  if (!value) {
    return fallback
  }
  if (value.toLowerCase() === "off") {
    return null
  }
  const match = /^(\d+)\s*\/\s*(\d+)\s*(ms|s|m|h)?$/i.exec(value)
  const limit = match ? Number(match[1]) : NaN
  const windowMs = match ? Number(match[2]) * UNITS[(match[3] ?? "s").toLowerCase()] : NaN
  if (!match || !Number.isSafeInteger(limit) || limit < 1 || !Number.isSafeInteger(windowMs) || windowMs < 1000) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${name}="${value}" is not a limit: write <count>/<duration>, e.g. 20/1m, 300/60s, 5/15m (a window of at least 1s), or off`
    )
  }
  return { limit, windowMs }
}

/** Whether a window holding `count` hits (this one included) stays within the rule. */
export function decide(count: number, resetAt: number, now: number, rule: LimitRule): LimitDecision {
  return {
    allowed: count <= rule.limit,
    remaining: Math.max(0, rule.limit - count),
    retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000)),
  }
}

/** "42 seconds", "1 minute", "15 minutes". */
export function describeWait(seconds: number): string {
  if (seconds < 60) {
    return `${seconds} second${seconds === 1 ? "" : "s"}`
  }
  const minutes = Math.ceil(seconds / 60)
  return `${minutes} minute${minutes === 1 ? "" : "s"}`
}

/** The limits the API applies, by environment variable, with their defaults. */
export const LIMIT_VARIABLES = {
  /** store login, per client address */
  RATE_LIMIT_LOGIN_IP: "300/1m",
  /** staff login, per client address */
  RATE_LIMIT_STAFF_LOGIN_IP: "300/1m",
  /** store registration, per client address */
  RATE_LIMIT_REGISTER_IP: "60/10m",
  /** password reset requests and password updates (customers and staff), per client address */
  RATE_LIMIT_PASSWORD_RESET_IP: "20/15m",
  /** webhooks (/hooks/…), per client address */
  RATE_LIMIT_WEBHOOK_IP: "3000/1m",
  /** staff sign-in attempts per account (unknown devices together, each known device on its own) before the rest of the window is refused */
  STAFF_LOGIN_LOCKOUT: "5/15m",
  /** the same for customers' sign-ins (by email, or by phone with a code) */
  CUSTOMER_LOGIN_LOCKOUT: "10/15m",
  /** sign-in codes to one phone number: one in each window */
  SIGN_IN_CODE_INTERVAL: "1/30s",
  /** sign-in codes to one phone number in all */
  SIGN_IN_CODE_PHONE: "5/15m",
  /** sign-in codes asked for, per client address */
  SIGN_IN_CODE_IP: "30/10m",
} as const

export type LimitName = keyof typeof LIMIT_VARIABLES

/** Every rule read from the environment (null: switched off); throws on a malformed value. */
export function limitRulesFromEnv(env: Record<string, string | undefined>): Record<LimitName, LimitRule | null> {
  const rules = {} as Record<LimitName, LimitRule | null>
  for (const name of Object.keys(LIMIT_VARIABLES) as LimitName[]) {
    rules[name] = parseLimitRule(env[name], parseLimitRule(LIMIT_VARIABLES[name], null, name), name)
  }
  return rules
}
