import { clearOfShopMidnight } from "../wait"

describe("clearOfShopMidnight", () => {
  afterEach(() => jest.useRealTimers())

  it("returns at once when midnight in India is further away than the margin", async () => {
    // 18:00 UTC is 23:30 in India: half an hour to go.
    jest.useFakeTimers({ now: new Date("2026-12-04T18:00:00Z") })
    await clearOfShopMidnight(20 * 60_000)
    expect(Date.now()).toBe(Date.parse("2026-12-04T18:00:00Z"))
  })

  it("near it, waits until the day has turned (18:30 UTC)", async () => {
    jest.useFakeTimers({ now: new Date("2026-12-04T18:29:00Z") })
    let done = false
    const waiting = clearOfShopMidnight(2 * 60_000).then(() => (done = true))
    await jest.advanceTimersByTimeAsync(59_000)
    expect(done).toBe(false)
    await jest.advanceTimersByTimeAsync(1_500)
    await waiting
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse("2026-12-04T18:30:00Z"))
    expect(Date.now()).toBeLessThan(Date.parse("2026-12-04T18:30:01Z"))
  })
})
