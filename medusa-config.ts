import { createSecretKey } from "node:crypto"
import { ContainerRegistrationKeys, defineConfig, loadEnv, MedusaError, Modules } from "@medusajs/framework/utils"
import { productionConfigError } from "./src/lib/secrets"
import { IN_STORE_TENDERS } from "./src/lib/pos"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

// No server start outside development and test with empty or default secrets or a wildcard CORS list
// (`medusa build`, migrations and scripts serve nothing, so they need no secrets).
const serves = process.argv[2] === "start" || process.argv[2] === "develop"
const unsafeConfig = serves ? productionConfigError(process.env) : undefined
if (unsafeConfig) {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, unsafeConfig)
}

type ModuleList = { resolve: string; options: Record<string, unknown>; dependencies?: string[] }[]

const redisUrl = process.env.REDIS_URL

/**
 * With REDIS_URL set, every piece of shared state that Medusa keeps in process
 * (events, workflow executions, locks; the cache in cachingModule) moves to
 * Redis so that several server and worker instances can run side by side.
 * Without it, the single-process in-memory defaults apply.
 */
function redisModules(url: string): ModuleList {
  return [
    {
      resolve: "@medusajs/medusa/event-bus-redis",
      options: { redisUrl: url },
    },
    {
      resolve: "@medusajs/medusa/workflow-engine-redis",
      options: { redis: { redisUrl: url } },
    },
    {
      resolve: "@medusajs/medusa/locking",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/locking-redis",
            id: "locking-redis",
            is_default: true,
            options: { redisUrl: url },
          },
        ],
      },
    },
  ]
}

/**
 * Medusa's Caching Module (docs/architecture.md#caching): Medusa caches its
 * product and variant reads in it, our store routes the price breakdowns and
 * the day's metal rates. With REDIS_URL the Redis provider, shared by every
 * instance (REDIS_CACHE_PREFIX keeps apps sharing one Redis apart); without
 * it the module's built-in in-memory provider. Entries live ten minutes at
 * most: invalidation (Medusa's on its events, ours on repricing and new
 * rates) is what keeps prices current, the TTL only bounds a read that raced
 * with a write.
 */
function cachingModule(env: NodeJS.ProcessEnv): ModuleList[number] {
  const ttl = 600
  if (env.REDIS_URL) {
    return {
      resolve: "@medusajs/medusa/caching",
      options: {
        ttl,
        providers: [
          {
            resolve: "@medusajs/medusa/caching-redis",
            id: "caching-redis",
            is_default: true,
            options: { redisUrl: env.REDIS_URL, prefix: env.REDIS_CACHE_PREFIX ?? "mc:" },
          },
        ],
      },
    }
  }
  return { resolve: "@medusajs/medusa/caching", options: { ttl, in_memory: { enable: true } } }
}

/**
 * Medusa's notification module: the local "feed" provider the admin uses,
 * Twilio for SMS (and WhatsApp), Gupshup for WhatsApp and a mail server for
 * email when their settings are there. Without a provider for a channel,
 * its messages are kept as "not sent: no provider".
 */
function notificationModule(env: NodeJS.ProcessEnv): ModuleList[number] {
  const providers: Record<string, unknown>[] = [
    { resolve: "@medusajs/medusa/notification-local", id: "local", options: { name: "Local Notification Provider", channels: ["feed"] } },
  ]
  const gupshup = !!env.GUPSHUP_API_KEY
  if (gupshup) {
    providers.push({
      resolve: "./src/modules/notification-gupshup",
      id: "gupshup",
      options: {
        channels: ["whatsapp"],
        api_key: env.GUPSHUP_API_KEY,
        app_name: env.GUPSHUP_APP_NAME,
        source: env.GUPSHUP_SOURCE,
        api_base: env.GUPSHUP_API_BASE,
      },
    })
  }
  if (env.TWILIO_ACCOUNT_SID) {
    // One provider per channel: with Gupshup set, WhatsApp goes through Gupshup.
    const channels = [...(env.TWILIO_SMS_FROM ? ["sms"] : []), ...(env.TWILIO_WHATSAPP_FROM && !gupshup ? ["whatsapp"] : [])]
    providers.push({
      resolve: "./src/modules/notification-twilio",
      id: "twilio",
      options: {
        channels,
        account_sid: env.TWILIO_ACCOUNT_SID,
        auth_token: env.TWILIO_AUTH_TOKEN,
        sms_from: env.TWILIO_SMS_FROM,
        whatsapp_from: env.TWILIO_WHATSAPP_FROM,
        status_callback_url: env.PUBLIC_URL ? `${env.PUBLIC_URL.replace(/\/$/, "")}/hooks/twilio/status` : undefined,
        api_base: env.TWILIO_API_BASE,
      },
    })
  }
  if (env.SMTP_URL) {
    providers.push({ resolve: "./src/modules/notification-smtp", id: "smtp", options: { channels: ["email"], url: env.SMTP_URL, from: env.SMTP_FROM } })
  }
  return { resolve: "@medusajs/medusa/notification", options: { providers } }
}

/**
 * Medusa's file module. Without S3_BUCKET: the local provider, public files
 * (product images) in static/ (served at /static) and private ones (invoices,
 * certificates) in FILE_PRIVATE_DIR, which nothing serves. With S3_BUCKET:
 * `@medusajs/file-s3` on that bucket (any S3-compatible store: S3_ENDPOINT and
 * S3_FORCE_PATH_STYLE for MinIO and the like); private objects are written with
 * the private ACL and reached only through our routes or short-lived
 * presigned URLs.
 */
function fileModule(env: NodeJS.ProcessEnv): ModuleList[number] {
  if (env.S3_BUCKET) {
    const endpoint = env.S3_ENDPOINT?.replace(/\/$/, "")
    const pathStyle = env.S3_FORCE_PATH_STYLE === "true"
    const region = env.S3_REGION ?? "ap-south-1"
    const fileUrl =
      env.S3_FILE_URL?.replace(/\/$/, "") ??
      (endpoint
        ? pathStyle
          ? `${endpoint}/${env.S3_BUCKET}`
          : endpoint.replace("://", `://${env.S3_BUCKET}.`)
        : `https://${env.S3_BUCKET}.s3.${region}.amazonaws.com`)
    return {
      resolve: "@medusajs/medusa/file",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/file-s3",
            id: "s3",
            options: {
              file_url: fileUrl,
              bucket: env.S3_BUCKET,
              region,
              endpoint,
              access_key_id: env.S3_ACCESS_KEY_ID,
              secret_access_key: env.S3_SECRET_ACCESS_KEY,
              prefix: env.S3_PREFIX,
              download_file_duration: Number(env.S3_DOWNLOAD_URL_SECONDS ?? 300),
              additional_client_config: { forcePathStyle: pathStyle },
            },
          },
        ],
      },
    }
  }
  return {
    resolve: "@medusajs/medusa/file",
    options: {
      providers: [
        {
          resolve: "@medusajs/medusa/file-local",
          id: "local",
          options: {
            upload_dir: "static",
            private_upload_dir: env.FILE_PRIVATE_DIR ?? `${env.JEWEL_DATA_DIR ?? ".data"}/private-files`,
            backend_url: `${(env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? 9000}`).replace(/\/$/, "")}/static`,
          },
        },
      ],
    },
  }
}

/**
 * Medusa's payment module with the shop's providers: the counter tenders
 * (pp_instore_cash, _card, _upi, _old_gold, _scheme, _points; never offered online),
 * Razorpay when RAZORPAY_KEY_ID is set (pp_razorpay_razorpay, webhooks at
 * /hooks/payment/razorpay_razorpay) and PayPal when PAYPAL_CLIENT_ID is set
 * (pp_paypal_paypal, webhooks at /hooks/payment/paypal_paypal).
 */
function paymentModule(env: NodeJS.ProcessEnv): ModuleList[number] {
  const providers: Record<string, unknown>[] = IN_STORE_TENDERS.map((tender) => ({
    resolve: "./src/modules/payment-instore",
    id: tender,
    options: { tender },
  }))
  if (env.RAZORPAY_KEY_ID) {
    providers.push({
      resolve: "./src/modules/payment-razorpay",
      id: "razorpay",
      options: {
        key_id: env.RAZORPAY_KEY_ID,
        key_secret: env.RAZORPAY_KEY_SECRET,
        webhook_secret: env.RAZORPAY_WEBHOOK_SECRET,
        capture: env.RAZORPAY_CAPTURE || "automatic",
        shop_name: env.SHOP_NAME,
        api_base: env.RAZORPAY_API_BASE,
        timeout_ms: env.RAZORPAY_TIMEOUT_MS ? Number(env.RAZORPAY_TIMEOUT_MS) : undefined,
      },
    })
  }
  if (env.PAYPAL_CLIENT_ID) {
    providers.push({
      resolve: "./src/modules/payment-paypal",
      id: "paypal",
      options: {
        client_id: env.PAYPAL_CLIENT_ID,
        client_secret: env.PAYPAL_CLIENT_SECRET,
        webhook_id: env.PAYPAL_WEBHOOK_ID,
        environment: env.PAYPAL_ENVIRONMENT || "sandbox",
        capture: env.PAYPAL_CAPTURE || "automatic",
        // The storefront's pages PayPal returns the buyer to (storefront/app/cart/paypal).
        return_url: env.STOREFRONT_URL ? new URL("/cart/paypal", env.STOREFRONT_URL).toString() : undefined,
        cancel_url: env.STOREFRONT_URL ? new URL("/cart?paypal=cancelled", env.STOREFRONT_URL).toString() : undefined,
        api_base: env.PAYPAL_API_BASE,
        timeout_ms: env.PAYPAL_TIMEOUT_MS ? Number(env.PAYPAL_TIMEOUT_MS) : undefined,
      },
    })
  }
  return { resolve: "@medusajs/medusa/payment", options: { providers } }
}

/**
 * Sign-in tokens are checked against the JWT secret made a key object once: given the secret as a string,
 * the JWT library first tries to read it as a PEM public key on every request, and that failing attempt
 * cost more than the rest of the check (docs/benchmarks.md, "The loyalty ledger's time"). Signing and
 * verifying stay HS256 only, as with the string.
 */
const jwtKey = process.env.JWT_SECRET
  ? { jwtPublicKey: createSecretKey(Buffer.from(process.env.JWT_SECRET)), jwtOptions: { algorithm: "HS256" as const }, jwtVerifyOptions: { algorithms: ["HS256" as const] } }
  : {}

/**
 * Medusa's auth module with its email-and-password provider and the shop's sign-in by a code sent to the phone
 * (docs/security.md, "Sign-in by phone"). The phone provider hands its codes to the event bus, which the auth
 * module does not load by itself. The codes are hashed with the JWT secret (a production start refuses a weak one);
 * in development, with none set, with Medusa's own fallback.
 */
const authModule: ModuleList[number] = {
  resolve: "@medusajs/medusa/auth",
  dependencies: [Modules.CACHE, ContainerRegistrationKeys.LOGGER, Modules.EVENT_BUS],
  options: {
    providers: [
      { resolve: "@medusajs/medusa/auth-emailpass", id: "emailpass" },
      { resolve: "./src/modules/auth-phone-otp", id: "phone-otp", options: { secret: process.env.JWT_SECRET || "supersecret" } },
    ],
  },
}

const cookieSecure = process.env.COOKIE_SECURE

export default defineConfig({
  // Medusa's caching is behind this flag (MEDUSA_FF_CACHING=false in the environment turns it off).
  featureFlags: { caching: true },
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    databaseLogging: false,
    redisUrl,
    workerMode: (process.env.MEDUSA_WORKER_MODE as "shared" | "worker" | "server" | undefined) ?? "shared",
    http: {
      storeCors: process.env.STORE_CORS ?? "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS ?? "http://localhost:5173,http://localhost:9000",
      authCors: process.env.AUTH_CORS ?? "http://localhost:5173,http://localhost:9000,http://localhost:8000",
      jwtSecret: process.env.JWT_SECRET,
      ...jwtKey,
      cookieSecret: process.env.COOKIE_SECRET,
      // Staff sign in with their email and password only; customers also by a code sent to their phone.
      authMethodsPerActor: { user: ["emailpass"], customer: ["emailpass", "phone-otp"] },
    },
    ...(cookieSecure ? { cookieOptions: { secure: cookieSecure === "true" } } : {}),
  },
  admin: {
    path: "/app",
    backendUrl: process.env.MEDUSA_BACKEND_URL ?? "/",
    disable: process.env.DISABLE_MEDUSA_ADMIN === "true",
  },
  modules: [
    { resolve: "./src/modules/branch" },
    { resolve: "./src/modules/jewelry" },
    { resolve: "./src/modules/crm" },
    { resolve: "./src/modules/loyalty" },
    { resolve: "./src/modules/messaging" },
    { resolve: "./src/modules/offers" },
    { resolve: "./src/modules/invoicing" },
    { resolve: "./src/modules/pos" },
    { resolve: "./src/modules/old-gold" },
    { resolve: "./src/modules/stock-audit" },
    { resolve: "./src/modules/stock-transfer" },
    { resolve: "./src/modules/approval-memo" },
    { resolve: "./src/modules/workshop" },
    { resolve: "./src/modules/karigar" },
    { resolve: "./src/modules/preferences" },
    { resolve: "./src/modules/savings-scheme" },
    { resolve: "./src/modules/access" },
    { resolve: "./src/modules/audit" },
    { resolve: "./src/modules/analytics", options: { read_url: process.env.ANALYTICS_DATABASE_URL } },
    authModule,
    notificationModule(process.env),
    fileModule(process.env),
    paymentModule(process.env),
    cachingModule(process.env),
    ...(redisUrl ? redisModules(redisUrl) : []),
  ],
})
