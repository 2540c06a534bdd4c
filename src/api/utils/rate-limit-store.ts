import Redis from "ioredis"
import { MemoryWindowStore, type WindowState } from "../../lib/rate-limit"

/**
 * Where rate-limit and lock-out windows live: Redis when REDIS_URL is set
 * (shared by every server instance), else this process's memory.
 */
export interface WindowStore {
  readonly kind: "redis" | "memory"
  /** Counts one hit; the window opens with the first hit and lasts windowMs. */
  hit(key: string, windowMs: number): Promise<WindowState>
  /** The open window of a key, without counting. */
  peek(key: string): Promise<WindowState | undefined>
  reset(key: string): Promise<void>
}

export const KEY_PREFIX = "jewel:rl:"

// INCR, and on the first hit (or a key that somehow lost its TTL) set the window's end.
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if count == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`

class RedisWindowStore implements WindowStore {
  readonly kind = "redis" as const
  constructor(readonly client: Redis) {}

  async hit(key: string, windowMs: number): Promise<WindowState> {
    const [count, ttl] = (await this.client.eval(HIT_SCRIPT, 1, KEY_PREFIX + key, String(windowMs))) as [number, number]
    return { count, resetAt: Date.now() + ttl }
  }

  async peek(key: string): Promise<WindowState | undefined> {
    const [[, count], [, ttl]] = (await this.client.multi().get(KEY_PREFIX + key).pttl(KEY_PREFIX + key).exec()) as [
      [unknown, string | null],
      [unknown, number],
    ]
    if (count === null || ttl < 0) {
      return undefined
    }
    return { count: Number(count), resetAt: Date.now() + ttl }
  }

  async reset(key: string): Promise<void> {
    await this.client.del(KEY_PREFIX + key)
  }
}

class InProcessWindowStore implements WindowStore {
  readonly kind = "memory" as const
  private readonly windows = new MemoryWindowStore()

  async hit(key: string, windowMs: number) {
    return this.windows.hit(key, windowMs)
  }

  async peek(key: string) {
    return this.windows.peek(key)
  }

  async reset(key: string) {
    this.windows.reset(key)
  }
}

let store: { url: string | undefined; store: WindowStore } | undefined

/** The store for the current REDIS_URL (made on first use). */
export function windowStore(): WindowStore {
  const url = process.env.REDIS_URL || undefined
  if (!store || store.url !== url) {
    if (store?.store instanceof RedisWindowStore) {
      // REDIS_URL changed (tests): drop the old connection.
      void store.store.client.quit().catch(() => undefined)
    }
    let made: WindowStore = new InProcessWindowStore()
    if (url) {
      const client = new Redis(url, { maxRetriesPerRequest: 1 })
      // Connection trouble shows up as failed commands, which the middlewares report; no unhandled error events.
      client.on("error", () => undefined)
      made = new RedisWindowStore(client)
    }
    store = { url, store: made }
  }
  return store.store
}
