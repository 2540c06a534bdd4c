import Redis from "ioredis"
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible"
import type { WindowState } from "./rate-limit"

/**
 * Where rate-limit and lock-out windows live: Redis when REDIS_URL is set
 * (shared by every server instance), else this process's memory. Both are
 * rate-limiter-flexible's stores; the limits themselves are decided in
 * src/lib/rate-limit.ts, so a store only counts.
 */
export interface WindowStore {
  readonly kind: "redis" | "memory"
  /** Counts one hit, atomically; the window opens with the first hit and lasts windowMs. */
  hit(key: string, windowMs: number): Promise<WindowState>
  reset(key: string, windowMs: number): Promise<void>
}

export const KEY_PREFIX = "jewel:rl"

class FlexibleWindowStore implements WindowStore {
  private readonly limiters = new Map<number, RateLimiterAbstract>()

  constructor(
    readonly kind: "redis" | "memory",
    private readonly make: (opts: { keyPrefix: string; points: number; duration: number }) => RateLimiterAbstract,
    readonly client?: Redis
  ) {}

  /** One limiter per window length; it never refuses by itself (points: unbounded), it only counts. */
  private limiter(windowMs: number): RateLimiterAbstract {
    let limiter = this.limiters.get(windowMs)
    if (!limiter) {
      limiter = this.make({ keyPrefix: KEY_PREFIX, points: Number.MAX_SAFE_INTEGER, duration: Math.max(1, Math.round(windowMs / 1000)) })
      this.limiters.set(windowMs, limiter)
    }
    return limiter
  }

  async hit(key: string, windowMs: number): Promise<WindowState> {
    const res = await this.limiter(windowMs).consume(key, 1)
    return { count: res.consumedPoints, resetAt: Date.now() + res.msBeforeNext }
  }

  async reset(key: string, windowMs: number): Promise<void> {
    await this.limiter(windowMs).delete(key)
  }
}

let store: { url: string | undefined; store: FlexibleWindowStore } | undefined

/** The store for the current REDIS_URL (made on first use). */
export function windowStore(): WindowStore {
  const url = process.env.REDIS_URL || undefined
  if (!store || store.url !== url) {
    // REDIS_URL changed (tests): drop the old connection.
    void store?.store.client?.quit().catch(() => undefined)
    let made = new FlexibleWindowStore("memory", (opts) => new RateLimiterMemory(opts))
    if (url) {
      const client = new Redis(url, { maxRetriesPerRequest: 1 })
      // Connection trouble shows up as failed commands, which the middlewares report; no unhandled error events.
      client.on("error", () => undefined)
      made = new FlexibleWindowStore("redis", (opts) => new RateLimiterRedis({ ...opts, storeClient: client }), client)
    }
    store = { url, store: made }
  }
  return store.store
}
