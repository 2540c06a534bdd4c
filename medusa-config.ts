import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

type ModuleList = { resolve: string; options: Record<string, unknown> }[]

const redisUrl = process.env.REDIS_URL

/**
 * With REDIS_URL set, every piece of shared state that Medusa keeps in process
 * (events, workflow executions, locks, cache) moves to Redis so that several
 * server and worker instances can run side by side. Without it, the
 * single-process in-memory defaults apply.
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
      resolve: "@medusajs/medusa/cache-redis",
      options: { redisUrl: url },
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

const cookieSecure = process.env.COOKIE_SECURE

export default defineConfig({
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
      cookieSecret: process.env.COOKIE_SECRET,
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
    ...(redisUrl ? redisModules(redisUrl) : []),
  ],
})
