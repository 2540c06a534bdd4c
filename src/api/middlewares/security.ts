import { createHash } from "node:crypto"
import { ServerResponse } from "node:http"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  LIMIT_VARIABLES,
  decide,
  describeWait,
  isLockedOut,
  limitRulesFromEnv,
  type LimitName,
  type LimitRule,
} from "../../lib/rate-limit"
import { parseHstsMode, securityHeaderValues } from "../../lib/security-headers"
import { windowStore } from "../utils/rate-limit-store"

type Handler = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => void | Promise<void>

// A malformed limit or HSTS value stops the server at boot with the variable's name.
limitRulesFromEnv(process.env)
parseHstsMode(process.env.HSTS)

let cachedRules: { key: string; rules: Record<LimitName, LimitRule | null> } | undefined

/** The limits for the environment as it is now (tests change it between files). */
function rule(name: LimitName): LimitRule | null {
  const key = (Object.keys(LIMIT_VARIABLES) as LimitName[]).map((n) => process.env[n] ?? "").join("|")
  if (cachedRules?.key !== key) {
    cachedRules = { key, rules: limitRulesFromEnv(process.env) }
  }
  return cachedRules.rules[name]
}

/** The address the request came from: the load balancer's X-Forwarded-For entry (Medusa trusts one proxy). */
function clientIp(req: MedusaRequest): string {
  return req.ip || req.socket?.remoteAddress || "unknown"
}

/** An email as a short hash: no personal data in Redis keys. */
function accountKey(value: unknown): string | undefined {
  if (typeof value !== "string" || !value.trim()) {
    return undefined
  }
  return createHash("sha256").update(value.trim().toLowerCase()).digest("base64url").slice(0, 22)
}

function warn(req: MedusaRequest, message: string, err: unknown) {
  try {
    req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`${message}: ${err instanceof Error ? err.message : String(err)}`)
  } catch {
    // no logger: nothing more to do
  }
}

function tooMany(res: MedusaResponse, retryAfterSeconds: number, message: string) {
  res.setHeader("Retry-After", String(retryAfterSeconds))
  res.status(429).json({ type: "too_many_requests", message })
}

function applySecurityHeaders(res: ServerResponse, secure: boolean) {
  const headers = securityHeaderValues({ hsts: parseHstsMode(process.env.HSTS), secure })
  for (const [name, value] of Object.entries(headers)) {
    if (!res.hasHeader(name)) {
      res.setHeader(name, value)
    }
  }
  res.removeHeader("X-Powered-By")
}

/** Security headers on every response that passes the API's middlewares. */
export const securityHeaders: Handler = (req, res, next) => {
  applySecurityHeaders(res, req.secure)
  next()
}

/**
 * Some responses are finished before the API's middlewares run: the admin
 * dashboard's files at /app and /health (registered on the Express app
 * outside the API), Medusa's own 401s and CORS preflights. So the same
 * headers are also added as any response's head is written, when they are
 * not there yet. HTTPS is read as Express reads it with one trusted proxy:
 * a TLS socket, or X-Forwarded-Proto's (first) value.
 */
const HOOKED = Symbol.for("jewel-crm.security-headers")
function installSecurityHeaderBackstop() {
  const proto = ServerResponse.prototype as ServerResponse & { [HOOKED]?: boolean }
  if (proto[HOOKED]) {
    return
  }
  proto[HOOKED] = true
  const writeHead = proto.writeHead
  proto.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    if (!this.headersSent) {
      const req = this.req as (typeof this.req & { socket: { encrypted?: boolean } }) | undefined
      const forwarded = String(req?.headers["x-forwarded-proto"] ?? "").split(",")[0].trim().toLowerCase()
      applySecurityHeaders(this, !!req?.socket?.encrypted || forwarded === "https")
    }
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args)
  } as typeof proto.writeHead
}
installSecurityHeaderBackstop()

/**
 * Counts the request in `bucket` for the key `identify` gives (no key: not
 * counted) and answers 429 with Retry-After once the rule's limit is passed.
 * A store that cannot be reached lets the request through, with a warning.
 */
export function rateLimit(
  name: LimitName,
  bucket: string,
  identify: (req: MedusaRequest) => string | undefined,
  refusal: (wait: string) => string
): Handler {
  return async (req, res, next) => {
    const limit = rule(name)
    const id = limit ? identify(req) : undefined
    if (!limit || !id) {
      return next()
    }
    try {
      const window = await windowStore().hit(`${bucket}:${id}`, limit.windowMs)
      const decision = decide(window.count, window.resetAt, Date.now(), limit)
      if (!decision.allowed) {
        return tooMany(res, decision.retryAfterSeconds, refusal(describeWait(decision.retryAfterSeconds)))
      }
    } catch (err) {
      warn(req, `Rate limit ${name} not applied (store unavailable)`, err)
    }
    next()
  }
}

/**
 * Staff login lock-out: failed logins (401) are counted per email; once
 * STAFF_LOGIN_LOCKOUT's count is reached, every login for that email is
 * refused (429) until its window closes, whatever the password. A
 * successful login clears the count.
 */
export const staffLoginLockout: Handler = async (req, res, next) => {
  const limit = rule("STAFF_LOGIN_LOCKOUT")
  const account = limit ? accountKey((req.body as { email?: unknown } | undefined)?.email) : undefined
  if (!limit || !account) {
    return next()
  }
  const key = `staff-lockout:${account}`
  try {
    const store = windowStore()
    const failures = await store.peek(key)
    const now = Date.now()
    if (failures && isLockedOut(failures, now, limit)) {
      const { retryAfterSeconds } = decide(failures.count, failures.resetAt, now, limit)
      return tooMany(
        res,
        retryAfterSeconds,
        `This account is locked after ${limit.limit} failed sign-ins. Try again in ${describeWait(retryAfterSeconds)}, ` +
          "or ask the owner to reset the password."
      )
    }
    res.on("finish", () => {
      const outcome =
        res.statusCode === 401 ? store.hit(key, limit.windowMs) : res.statusCode < 300 ? store.reset(key) : undefined
      outcome?.catch((err: unknown) => warn(req, "Staff login lock-out not recorded", err))
    })
  } catch (err) {
    warn(req, "Staff login lock-out not applied (store unavailable)", err)
  }
  next()
}

const byIp = (req: MedusaRequest) => clientIp(req)
const byIpAndEmail = (req: MedusaRequest) => {
  const account = accountKey((req.body as { email?: unknown } | undefined)?.email)
  return account && `${clientIp(req)}:${account}`
}

const passwordResetLimit = rateLimit(
  "RATE_LIMIT_PASSWORD_RESET_IP",
  "password-reset",
  byIp,
  (wait) => `Too many password reset requests from your network. Try again in ${wait}.`
)

/**
 * Security headers on every route, rate limits on the store's login,
 * registration and password reset, the staff login and the webhooks, and
 * the staff login lock-out. Spread first in ../middlewares.ts.
 */
export const securityRoutes: MiddlewareRoute[] = [
  { matcher: "/*", middlewares: [securityHeaders] },
  {
    matcher: "/auth/customer/emailpass",
    methods: ["POST"],
    middlewares: [
      rateLimit("RATE_LIMIT_LOGIN_IP", "login-ip", byIp, (wait) => `Too many sign-in attempts from your network. Try again in ${wait}.`),
      rateLimit(
        "RATE_LIMIT_LOGIN_ACCOUNT",
        "login-account",
        byIpAndEmail,
        (wait) => `Too many sign-in attempts for this account. Try again in ${wait}.`
      ),
    ],
  },
  {
    matcher: "/auth/customer/emailpass/register",
    methods: ["POST"],
    middlewares: [
      rateLimit("RATE_LIMIT_REGISTER_IP", "register-ip", byIp, (wait) => `Too many sign-ups from your network. Try again in ${wait}.`),
    ],
  },
  { matcher: "/auth/customer/emailpass/reset-password", methods: ["POST"], middlewares: [passwordResetLimit] },
  { matcher: "/auth/customer/emailpass/update", methods: ["POST"], middlewares: [passwordResetLimit] },
  { matcher: "/auth/user/emailpass/reset-password", methods: ["POST"], middlewares: [passwordResetLimit] },
  { matcher: "/auth/user/emailpass/update", methods: ["POST"], middlewares: [passwordResetLimit] },
  {
    matcher: "/auth/user/emailpass",
    methods: ["POST"],
    middlewares: [
      rateLimit(
        "RATE_LIMIT_STAFF_LOGIN_IP",
        "staff-login-ip",
        byIp,
        (wait) => `Too many sign-in attempts from your network. Try again in ${wait}.`
      ),
      staffLoginLockout,
    ],
  },
  {
    matcher: "/hooks/*",
    methods: ["POST"],
    middlewares: [
      rateLimit("RATE_LIMIT_WEBHOOK_IP", "webhook-ip", byIp, (wait) => `Too many webhook calls from this address. Try again in ${wait}.`),
    ],
  },
]
