/**
 * With REDIS_URL set (the test runner sets it for this layer), Medusa's event
 * bus, workflow engine, locking and Caching Module all live in Redis.
 */
import { Modules } from "@medusajs/framework/utils"
import { shopIntegrationRunner } from "../support/runner"
import Redis from "ioredis"
import { seedDemoShop } from "../../src/scripts/demo-shop/seed-demo-shop"
import { waitFor } from "../support/wait"
import { refreshCustomerStatsWorkflow } from "../../src/workflows/crm"
import { setMetalRatesWorkflow } from "../../src/workflows/jewelry"
import { JEWELRY_MODULE } from "../../src/modules/jewelry"
import type JewelryModuleService from "../../src/modules/jewelry/service"

jest.setTimeout(180 * 1000)

shopIntegrationRunner({
  start: "schema",
  testSuite: ({ api, getContainer }) => {
    let redis: Redis

    beforeAll(() => {
      redis = new Redis(process.env.REDIS_URL!)
    })

    afterAll(async () => {
      await redis.quit()
    })

    const prefix = () => process.env.REDIS_CACHE_PREFIX!

    it("delivers events to subscribers through a Redis queue", async () => {
      const eventBus = getContainer().resolve(Modules.EVENT_BUS)
      const received = new Promise<unknown>((resolve) => {
        eventBus.subscribe("jewel.redis-check", async (event) => resolve(event.data))
      })
      const before = Number((await redis.get("RedisEventBusService:events-queue:id")) ?? 0)
      await eventBus.emit({ name: "jewel.redis-check", data: { id: "x" } })
      expect(Number(await redis.get("RedisEventBusService:events-queue:id"))).toBe(before + 1)
      await expect(received).resolves.toEqual({ id: "x" })
    })

    it("holds locks in Redis", async () => {
      const locking = getContainer().resolve(Modules.LOCKING)
      const key = `jewel-redis-check-${Date.now()}`
      let heldInRedis = 0
      await locking.execute(key, async () => {
        heldInRedis = await redis.exists(`medusa_lock:${key}`)
      })
      expect(heldInRedis).toBe(1)
      expect(await redis.exists(`medusa_lock:${key}`)).toBe(0)
    })

    it("lets a run that got one of its locks and not another take its own again on the next try", async () => {
      // A refresh of customers b and c while someone else holds b: the run takes c, misses b and tries again.
      // Were its locks owned by "*", Redis would refuse it c on the retry and it would fail after its 30 s
      // (src/workflows/locking.ts); owned by the run, it goes through once b is free.
      const locking = getContainer().resolve(Modules.LOCKING)
      const held = `customer-stats:cus_lock_b_${Date.now()}`
      const other = `cus_lock_c_${Date.now()}`
      await locking.acquire(held, { ownerId: "someone-else", expire: 30 })
      const started = Date.now()
      const refresh = refreshCustomerStatsWorkflow(getContainer()).run({ input: [held.replace("customer-stats:", ""), other] })
      await waitFor("the refresh to hold the free customer's lock", async () => (await redis.get(`medusa_lock:customer-stats:${other}`)) ?? undefined)
      await locking.release(held, { ownerId: "someone-else" })
      await refresh
      expect(Date.now() - started).toBeLessThan(15_000)
      expect(await redis.exists(`medusa_lock:customer-stats:${other}`, `medusa_lock:${held}`)).toBe(0)
    })

    it("caches in Redis through Medusa's Caching Module", async () => {
      const caching = getContainer().resolve(Modules.CACHING)
      const key = `jewel-redis-check-${Date.now()}`
      await caching.set({ key, data: { ok: true }, tags: ["jewel:check"] })
      // Under this file's prefix (the runner's REDIS_CACHE_PREFIX), with the module's ten-minute TTL.
      expect(await redis.hexists(`${prefix()}${key}`, "data")).toBe(1)
      expect(await redis.ttl(`${prefix()}${key}`)).toBeGreaterThan(590)
      expect(await caching.get({ key })).toEqual({ ok: true })
      await caching.clear({ tags: ["jewel:check"] })
      expect(await redis.exists(`${prefix()}${key}`)).toBe(0)
    })

    it("runs workflows on the Redis workflow engine and serves their result; a repricing shows through the Redis cache", async () => {
      const container = getContainer()
      await seedDemoShop(container)
      expect(await redis.exists("bull:medusa-workflows-jobs:meta")).toBe(1)
      const [key] = await container.resolve(Modules.API_KEY).listApiKeys({ title: "Pune – Laxmi Road storefront" })
      const headers = { headers: { "x-publishable-api-key": key.token } }
      const { data } = await api.get("/store/branches", headers)
      expect(data.branches.map((b: { code: string }) => b.code).sort()).toEqual(["BLR", "MUM", "PUN"])

      // Medusa's own product reads land in the Redis cache.
      const cached = async () => (await redis.keys(`${prefix()}*`)).length
      const before = await cached()
      const { data: listed } = await api.get("/store/products?fields=handle", headers)
      expect(listed.products.length).toBeGreaterThan(0)
      await waitFor("the product list in the Redis cache", async () => (await cached()) > before)

      // The ring's price, cached in Redis; new 22 karat rates reprice it (in set-based SQL, behind the cache's
      // back), and the end of the reprice job empties the cached catalogue (src/subscribers/cache-on-prices.ts).
      const [region] = await container.resolve(Modules.REGION).listRegions({ name: "India" })
      const ring = async () => {
        const { data: found } = await api.get(`/store/products?handle=lakshmi-22k-gold-ring&fields=variants.sku,*variants.calculated_price&region_id=${region.id}`, headers)
        return found.products[0].variants.find((v: { sku: string }) => v.sku === "RNG-LAK-22K-12").calculated_price.calculated_amount as number
      }
      const priced = await ring()
      expect(await ring()).toBe(priced)
      const since = new Date()
      await setMetalRatesWorkflow(container).run({ input: { rates: [{ metal: "gold", purity: 916, rate_per_g_paise: 730_000 }] } })
      const jewelry = container.resolve<JewelryModuleService>(JEWELRY_MODULE)
      await waitFor("the reprice job to finish", async () => {
        const [job] = await jewelry.listRepriceJobs({ trigger: "rates_set", created_at: { $gte: since } })
        return job?.status === "succeeded" ? job : undefined
      })
      // 4.100 g × ₹7,300.00 + ₹1,845.00 making + ₹45 = ₹31,820.00 (docs/pricing.md's ring at the new rate).
      await waitFor("the new price through the cache", async () => ((await ring()) === 31820 ? true : undefined), { timeout: 10_000 })
    })
  },
})
