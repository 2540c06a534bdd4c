import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import Redis from "ioredis"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { ConfigModule } from "@medusajs/framework/types"
import { isDraining, markDraining, readinessTimeoutMs, readinessVerdict, runCheck, type CheckOutcome } from "../../../lib/readiness"
import { pendingMigrations } from "../../../lib/schema-current"

// `medusa start` closes its listener and lets the requests in flight finish on SIGTERM; from then on this
// instance also reports itself not ready, so a balancer probing it over a kept-alive connection takes it out.
// Only there: elsewhere (tests, scripts) a SIGTERM listener would keep the process from ending.
if (process.argv[2] === "start") {
  process.once("SIGTERM", () => markDraining())
}

// A malformed READINESS_TIMEOUT_MS stops the server at boot with the variable's name.
readinessTimeoutMs(process.env)

let redis: { url: string; client: Redis } | undefined

/** One connection for the probes, kept between them (a new one per probe would measure connecting). */
function redisClient(url: string): Redis {
  if (redis?.url !== url) {
    redis?.client.disconnect()
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2000 })
    // A failure shows up as a failed PING, which the answer reports.
    client.on("error", () => undefined)
    redis = { url, client }
  }
  return redis.client
}

/**
 * GET /health/ready — 200 when PostgreSQL (and Redis, with REDIS_URL) answer, the database has every migration
 * this build has, and the instance is not shutting down; 503 otherwise. The body names each check and how long it took. Public like /health: it says nothing
 * about the shop (docs/deployment.md#health-and-shutdown).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const timeoutMs = readinessTimeoutMs(process.env)
  const knex: Knex = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const redisUrl = process.env.REDIS_URL || undefined
  const config: ConfigModule = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const [database, migrations, redisCheck] = await Promise.all([
    runCheck(() => knex.raw("select 1"), timeoutMs),
    runCheck(async () => {
      const pending = await pendingMigrations(knex, config)
      if (pending.length) {
        const more = pending.length > 5 ? ` and ${pending.length - 5} more` : ""
        throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `not applied yet (run medusa db:migrate): ${pending.slice(0, 5).join(", ")}${more}`)
      }
    }, timeoutMs),
    redisUrl ? runCheck(() => redisClient(redisUrl).ping(), timeoutMs) : Promise.resolve<CheckOutcome>({ skipped: "REDIS_URL not set" }),
  ])
  if ("ok" in redisCheck && !redisCheck.ok) {
    // No reconnecting in the background between probes: the next probe connects afresh.
    redis?.client.disconnect()
    redis = undefined
  }
  const { status, body } = readinessVerdict({ database, migrations, redis: redisCheck }, isDraining())
  res.setHeader("Cache-Control", "no-store")
  res.status(status).json(body)
}
