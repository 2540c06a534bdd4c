import { windowStore } from "../rate-limit-store"

describe("window store (in memory)", () => {
  it("counts hits per key atomically, opens the window with the first and resets on demand", async () => {
    delete process.env.REDIS_URL
    const store = windowStore()
    expect(store.kind).toBe("memory")
    const hits = await Promise.all(Array.from({ length: 20 }, () => store.hit("burst", 60_000)))
    expect(hits.map((h) => h.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    const first = hits.find((h) => h.count === 1)!
    expect(first.resetAt - Date.now()).toBeGreaterThan(58_000)
    // Keys count apart; a reset key starts a new window.
    expect((await store.hit("other", 60_000)).count).toBe(1)
    expect((await store.hit("burst", 60_000)).count).toBe(21)
    await store.reset("burst", 60_000)
    expect((await store.hit("burst", 60_000)).count).toBe(1)
  })
})
