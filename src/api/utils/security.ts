import { randomBytes } from "node:crypto"
import { ServerResponse } from "node:http"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  LIMIT_VARIABLES,
  decide,
  describeWait,
  limitRulesFromEnv,
  type LimitName,
  type LimitRule,
} from "../../lib/rate-limit"
import { clientAddress, trustedProxies } from "../../lib/client-address"
import {
  accountKey,
  attemptBucket,
  cookieValue,
  DEVICE_COOKIE_MAX_AGE_MS,
  deviceCookieName,
  deviceIdFor,
  issueDeviceToken,
} from "../../lib/login-protection"
import { tryNormalizePhone } from "../../lib/phone"
import { matchesRoute, plainPath } from "../../lib/request-path"
import { isStaticFilePath, parseHstsMode, securityHeaderValues, STATIC_FILE_HEADERS } from "../../lib/security-headers"
import { windowStore } from "../../lib/rate-limit-store"

type Handler = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => void | Promise<void>

// A malformed limit or HSTS value stops the server at boot with the variable's name.
limitRulesFromEnv(process.env)
parseHstsMode(process.env.HSTS)
trustedProxies(process.env.TRUSTED_PROXIES)

let cachedRules: { key: string; rules: Record<LimitName, LimitRule | null> } | undefined

/** The limits for the environment as it is now (tests change it between files). */
function rule(name: LimitName): LimitRule | null {
  const key = (Object.keys(LIMIT_VARIABLES) as LimitName[]).map((n) => process.env[n] ?? "").join("|")
  if (cachedRules?.key !== key) {
    cachedRules = { key, rules: limitRulesFromEnv(process.env) }
  }
  return cachedRules.rules[name]
}

/** The address the request came from (X-Forwarded-For only from TRUSTED_PROXIES). */
function clientIp(req: MedusaRequest): string {
  return clientAddress(req)
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
      // express.static runs with its mount path taken off req.url: read the whole address.
      if (isStaticFilePath((req as (typeof req & { originalUrl?: string }) | undefined)?.originalUrl ?? req?.url)) {
        for (const [name, value] of Object.entries(STATIC_FILE_HEADERS)) {
          this.setHeader(name, value)
        }
      }
    }
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args)
  } as typeof proto.writeHead
}
installSecurityHeaderBackstop()

/**
 * Counts one hit on `key` and, past the rule's limit, answers 429 with
 * Retry-After and the refusal; true when it answered.
 */
async function refusedOverLimit(res: MedusaResponse, key: string, limit: LimitRule, refusal: (wait: string) => string): Promise<boolean> {
  const window = await windowStore().hit(key, limit.windowMs)
  const decision = decide(window.count, window.resetAt, Date.now(), limit)
  if (decision.allowed) {
    return false
  }
  tooMany(res, decision.retryAfterSeconds, refusal(describeWait(decision.retryAfterSeconds)))
  return true
}

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
      if (await refusedOverLimit(res, `${bucket}:${id}`, limit, refusal)) {
        return
      }
    } catch (err) {
      warn(req, `Rate limit ${name} not applied (store unavailable)`, err)
    }
    next()
  }
}

/** The key device cookies are signed with: COOKIE_SECRET, or one per process where none is set (development, tests). */
const processDeviceSecret = randomBytes(32).toString("hex")
function deviceSecret(): string {
  return process.env.COOKIE_SECRET || processDeviceSecret
}

const STATIC_AUTH_AREAS = ["session", "token", "mfa", "verification"]

/**
 * Which of Medusa's /auth routes a request is for, and its actor type, as
 * Express would route it (src/lib/request-path.ts). Read from the path here
 * because these limits run before every route's own middlewares, Medusa's
 * authentication among them, so each attempt is counted before anything
 * else looks at it.
 */
function authRoute(req: MedusaRequest): { route: "login" | "register" | "reset" | "code"; actorType: string } | undefined {
  const path = req.originalUrl ?? req.url
  const [, actor, provider] = plainPath(path).split("/").filter(Boolean)
  // Medusa's static /auth routes (sessions, token refresh, MFA, verification) are not sign-ins.
  if (!actor || STATIC_AUTH_AREAS.includes(actor.toLowerCase())) {
    return undefined
  }
  const actorType = decodeURIComponent(actor).toLowerCase()
  if (matchesRoute("/auth/:actor_type/:auth_provider", path)) {
    if (req.method === "POST" && isPhoneCodeProvider(provider) && (req.body as { code?: unknown } | undefined)?.code === undefined) {
      return { route: "code", actorType }
    }
    return req.method === "GET" || req.method === "POST" || req.method === "HEAD" ? { route: "login", actorType } : undefined
  }
  // A provider's callback completes a sign-in (the phone provider checks its code there too).
  if (matchesRoute("/auth/:actor_type/:auth_provider/callback", path)) {
    return req.method === "GET" || req.method === "POST" || req.method === "HEAD" ? { route: "login", actorType } : undefined
  }
  if (req.method !== "POST") {
    return undefined
  }
  if (matchesRoute("/auth/:actor_type/:auth_provider/register", path)) {
    return isPhoneCodeProvider(provider) && (req.body as { code?: unknown } | undefined)?.code === undefined
      ? { route: "code", actorType }
      : { route: "register", actorType }
  }
  if (matchesRoute("/auth/:actor_type/:auth_provider/reset-password", path) || matchesRoute("/auth/:actor_type/:auth_provider/update", path)) {
    return { route: "reset", actorType }
  }
  return undefined
}

/** The phone sign-in provider's name in a path, in any case or encoding (a stricter limit applies more often, never less). */
function isPhoneCodeProvider(segment: string | undefined): boolean {
  try {
    return !!segment && decodeURIComponent(segment).toLowerCase() === "phone-otp"
  } catch {
    return false
  }
}

/** The account an attempt is for: the email, or the phone number a code was sent to, as one key however it was typed. */
function attemptAccount(req: MedusaRequest): string | undefined {
  const body = (req.body ?? {}) as { email?: unknown; phone?: unknown }
  const query = (req.query ?? {}) as { phone?: unknown }
  const phone = [body.phone, query.phone].find((v): v is string => typeof v === "string")
  return accountKey(body.email) ?? accountKey(phone === undefined ? undefined : tryNormalizePhone(phone))
}

const loginLockout = (actorType: string): Handler => async (req, res, next) => {
  const staff = actorType === "user"
  const name: LimitName = staff ? "STAFF_LOGIN_LOCKOUT" : "CUSTOMER_LOGIN_LOCKOUT"
  const limit = rule(name)
  const account = limit ? attemptAccount(req) : undefined
  if (!limit || !account) {
    return next()
  }
  const cookie = deviceCookieName(actorType)
  const presented = cookieValue(req.headers.cookie, cookie)
  const deviceId = deviceIdFor(presented, account, deviceSecret())
  const bucket = attemptBucket(actorType, account, deviceId)
  try {
    const refusal = (wait: string) =>
      staff
        ? `This account is locked after ${limit.limit} failed sign-ins. Try again in ${wait}, or ask the owner to reset the password.`
        : `Too many sign-in attempts for this account. Try again in ${wait}, or reset your password.`
    if (await refusedOverLimit(res, bucket, limit, refusal)) {
      return
    }
    // The device cookie goes out with a successful answer: set it as the JSON body is sent.
    const json = res.json.bind(res)
    res.json = ((body: unknown) => {
      if (res.statusCode < 300) {
        const secure = req.secure || process.env.COOKIE_SECURE === "true"
        const maxAge = Math.floor(DEVICE_COOKIE_MAX_AGE_MS / 1000)
        const token = deviceId ? presented : issueDeviceToken(account, deviceSecret())
        res.append(
          "Set-Cookie",
          `${cookie}=${token}; Path=/auth; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`
        )
        windowStore().reset(bucket, limit.windowMs).catch((err: unknown) => warn(req, "Sign-in count not cleared", err))
      }
      return json(body)
    }) as typeof res.json
  } catch (err) {
    warn(req, `${name} not applied (store unavailable)`, err)
  }
  next()
}

const byIp = (req: MedusaRequest) => clientIp(req)

const passwordResetLimit = rateLimit(
  "RATE_LIMIT_PASSWORD_RESET_IP",
  "password-reset",
  byIp,
  (wait) => `Too many password reset requests from your network. Try again in ${wait}.`
)

const loginIpLimit: Record<"staff" | "customer", Handler> = {
  staff: rateLimit("RATE_LIMIT_STAFF_LOGIN_IP", "staff-login-ip", byIp, (wait) => `Too many sign-in attempts from your network. Try again in ${wait}.`),
  customer: rateLimit("RATE_LIMIT_LOGIN_IP", "login-ip", byIp, (wait) => `Too many sign-in attempts from your network. Try again in ${wait}.`),
}
/** Codes to one number: at most one each SIGN_IN_CODE_INTERVAL and SIGN_IN_CODE_PHONE in all; and from one address. */
const codeLimits: Handler[] = [
  rateLimit("SIGN_IN_CODE_INTERVAL", "sign-in-code-interval", attemptAccount, (wait) => `A code was just sent to this number. Ask again in ${wait}.`),
  rateLimit("SIGN_IN_CODE_PHONE", "sign-in-code-phone", attemptAccount, (wait) => `Too many codes were sent to this number. Try again in ${wait}.`),
  rateLimit("SIGN_IN_CODE_IP", "sign-in-code-ip", byIp, (wait) => `Too many sign-in codes asked for from your network. Try again in ${wait}.`),
]

/** Runs handlers in turn, stopping at the first that answers or fails. */
function inTurn(handlers: Handler[]): Handler {
  return (req, res, next) => {
    const run = (i: number) => (i === handlers.length ? next() : handlers[i](req, res, (err?: unknown) => (err ? next(err) : run(i + 1))))
    return run(0)
  }
}
const codeLimit = inTurn(codeLimits)

const registerLimit = rateLimit("RATE_LIMIT_REGISTER_IP", "register-ip", byIp, (wait) => `Too many sign-ups from your network. Try again in ${wait}.`)

/** The limits of Medusa's sign-in, sign-up and password routes, for any spelling and method Express routes there. */
const authLimits: Handler = (req, res, next) => {
  const target = authRoute(req)
  if (!target) {
    return next()
  }
  if (target.route === "register") {
    return registerLimit(req, res, next)
  }
  if (target.route === "code") {
    return codeLimit(req, res, next)
  }
  if (target.route === "reset") {
    return passwordResetLimit(req, res, next)
  }
  return loginIpLimit[target.actorType === "user" ? "staff" : "customer"](req, res, (err?: unknown) =>
    err ? next(err) : loginLockout(target.actorType)(req, res, next)
  )
}

/**
 * Security headers on every route, rate limits on the store's login,
 * registration and password reset, the staff login and the webhooks, and
 * the staff login lock-out. Spread before the areas' middlewares in ../middlewares.ts.
 */
export const securityRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/*", middlewares: [securityHeaders] },
  // Before every /auth route's own middlewares (Medusa's authentication among them).
  { matcher: "/auth*", middlewares: [authLimits] },
  {
    matcher: "/hooks/*",
    methods: ["POST"],
    middlewares: [
      rateLimit("RATE_LIMIT_WEBHOOK_IP", "webhook-ip", byIp, (wait) => `Too many webhook calls from this address. Try again in ${wait}.`),
    ],
  },
]
