import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { ShopSuite } from "../support/runner"
import { eventsSettled, waitFor } from "../support/wait"
import { reviewLoyaltyTiers } from "../../src/jobs/review-loyalty-tiers"
import { LOYALTY_MODULE } from "../../src/modules/loyalty"
import type LoyaltyModuleService from "../../src/modules/loyalty/service"
import { shopToday } from "../../src/lib/occasions"
import { redeemPointsWorkflow } from "../../src/workflows/loyalty"
import { grantOccasionBonuses } from "../../src/workflows/loyalty"
import { demoShop, expectStatus, signedInCustomer, type Headers } from "./helpers"

export const loyaltySuite: ShopSuite = ({ api, getContainer }) => {
  let auth: Headers
  let store: Headers
  beforeAll(async () => {
    ;({ auth, store } = await demoShop(getContainer(), api))
  })
  const loyalty = () => getContainer().resolve<LoyaltyModuleService>(LOYALTY_MODULE)
  afterEach(async () => {
    // The invariant after every scenario, through the admin endpoint.
    const { data } = await api.get("/admin/loyalty/verify", auth)
    expect(data).toEqual({ ok: true, mismatches: [] })
  })

  async function customerWithPoints(name: string, points: number) {
    const { data } = await api.post("/admin/crm/customers", { first_name: name }, auth)
    if (points) {
      await api.post(`/admin/loyalty/customers/${data.customer.id}/adjust`, { points, idempotency_key: `opening-${data.customer.id}`, reason: "opening balance" }, auth)
    }
    return data.customer.id as string
  }

  it("redeems in store once per idempotency key, within the balance", async () => {
    const id = await customerWithPoints("Rekha", 500)
    const first = await api.post(`/admin/loyalty/customers/${id}/redeem`, { points: 200, idempotency_key: "POS-MUM-000123", order_total: 5000 }, auth)
    expect(first.status).toBe(201)
    expect(first.data).toEqual(expect.objectContaining({ balance: 300, replayed: false }))
    const again = await api.post(`/admin/loyalty/customers/${id}/redeem`, { points: 200, idempotency_key: "POS-MUM-000123", order_total: 5000 }, auth)
    expect(again.status).toBe(200)
    expect(again.data).toEqual(expect.objectContaining({ balance: 300, replayed: true }))
    expect(again.data.entry.id).toBe(first.data.entry.id)

    const { data } = await api.get(`/admin/loyalty/customers/${id}`, auth)
    expect(data.loyalty).toEqual(expect.objectContaining({ balance: 300, balance_value: 300, tier: "Silver", can_redeem: true }))
    expect(data.loyalty.history.map((h: { type: string; points: number }) => [h.type, h.points])).toEqual([["redeem", -200], ["adjust", 500]])
    const ledger = await api.get(`/admin/loyalty/ledger?customer_id=${id}&type=redeem`, auth)
    expect(ledger.data.entries.map((e: { idempotency_key: string }) => e.idempotency_key)).toEqual(["POS-MUM-000123"])
  })

  it("refuses bad redemptions with a clear 4xx and writes nothing", async () => {
    const id = await customerWithPoints("Sunil", 150)
    const cases: [unknown, number, RegExp][] = [
      [{ points: 151, idempotency_key: "POS-BAD-0001", order_total: 100000 }, 400, /balance is 150, 151/],
      // The bill is what the share limit applies to: it cannot be left out.
      [{ points: 10, idempotency_key: "POS-BAD-0007" }, 400, /^Give the bill: order_id of a shop order, or order_total/],
      [{ points: 10, idempotency_key: "POS-BAD-0008", order_id: "order_nope" }, 404, /Order "order_nope" was not found/],
      [{ points: 0, idempotency_key: "POS-BAD-0002" }, 400, /points.*too small/],
      [{ points: -5, idempotency_key: "POS-BAD-0003" }, 400, /points.*too small/],
      [{ points: 2.5, idempotency_key: "POS-BAD-0004" }, 400, /'int' for field 'points'/],
      [{ points: "10", idempotency_key: "POS-BAD-0005" }, 400, /number/],
      [{ points: 10 }, 400, /idempotency_key/],
      [{ points: 10, idempotency_key: "short" }, 400, /idempotency_key/],
      // 20 % of a ₹500 bill at ₹1 a point: at most 100 points.
      [{ points: 120, idempotency_key: "POS-BAD-0006", order_total: 500 }, 400, /at most 100 points/i],
    ]
    for (const [body, status, message] of cases) {
      const res = await expectStatus(api.post(`/admin/loyalty/customers/${id}/redeem`, body, auth))
      expect([res.status, res.data.message]).toEqual([status, expect.stringMatching(message)])
    }
    const unknown = await expectStatus(api.post("/admin/loyalty/customers/cus_nope/adjust", { points: 5, idempotency_key: "ADJ-NOPE-1", reason: "test" }, auth))
    expect(unknown.status).toBe(404)
    const noReason = await expectStatus(api.post(`/admin/loyalty/customers/${id}/adjust`, { points: 5, idempotency_key: "ADJ-X-1" }, auth))
    expect(noReason.status).toBe(400)
    expect((await loyalty().listPointsEntries({ customer_id: id })).length).toBe(1)
    const [account] = await loyalty().listLoyaltyAccounts({ customer_id: id })
    expect(account.balance).toBe(150)
  })

  it("reports the outstanding points and their value by branch and expiry month", async () => {
    const before = (await api.get("/admin/loyalty/liability", auth)).data
    await customerWithPoints("Yamini", 250)
    const { data } = await api.get("/admin/loyalty/liability", auth)
    expect(data.point_value).toBe(1)
    expect(data.total.points - before.total.points).toBe(250)
    expect(data.total.value).toBe(data.total.points)
    // Staff adjustments carry no expiry; a customer without a home branch is counted under "none".
    expect(data.by_expiry_month).toEqual(expect.arrayContaining([expect.objectContaining({ month: "never" })]))
    expect(data.by_branch.reduce((n: number, b: { points: number }) => n + b.points, 0)).toBe(data.total.points)
  })

  it("under a minimum balance, refuses to redeem", async () => {
    const id = await customerWithPoints("Tina", 60)
    const res = await expectStatus(api.post(`/admin/loyalty/customers/${id}/redeem`, { points: 10, idempotency_key: "POS-TINA-0001", order_total: 5000 }, auth))
    expect(res.status).toBe(400)
    expect(res.data.message).toMatch(/at least 100 points/)
  })

  it("gives the points back when the redemption's workflow fails after deducting (compensation)", async () => {
    const id = await customerWithPoints("Uday", 400)
    const workflow = redeemPointsWorkflow(getContainer())
    workflow.appendAction("bill-printer-jams", "redeem-points", {
      invoke: async () => {
        throw new Error("injected failure after the points were taken")
      },
    })
    await expect(workflow.run({ input: { customer_id: id, points: 150, idempotency_key: "POS-U-1" } })).rejects.toMatchObject({
      message: expect.stringMatching(/injected failure/),
    })
    const [account] = await loyalty().listLoyaltyAccounts({ customer_id: id })
    expect(account.balance).toBe(400)
    const entries = await loyalty().listPointsEntries({ customer_id: id }, { order: { created_at: "ASC" } })
    expect(entries.map((e) => [e.type, e.points])).toEqual([["adjust", 400], ["redeem", -150], ["reverse", 150]])
  })

  it("saves a consistent program and refuses one that contradicts itself", async () => {
    const { data: current } = await api.get("/admin/loyalty/program", auth)
    expect(current.program).toEqual(expect.objectContaining({ points_per_100_rupees: 1, point_value: 1, max_redeem_share_percent: 20 }))
    const bad = await expectStatus(
      api.post("/admin/loyalty/program", { ...current.program, tiers: [{ name: "Silver", min_spend: 0, multiplier: 1 }, { name: "Gold", min_spend: 0, multiplier: 1.25 }] }, auth)
    )
    expect(bad.status).toBe(400)
    expect(bad.data.message).toMatch(/thresholds must increase/)
    const good = await api.post("/admin/loyalty/program", { ...current.program, points_per_100_rupees: 2 }, auth)
    expect(good.data.program.points_per_100_rupees).toBe(2)
    expect((await api.get("/admin/loyalty/program", auth)).data.program.points_per_100_rupees).toBe(2)
    await api.post("/admin/loyalty/program", current.program, auth)
  })

  it("earns points for a placed order once, however often the event arrives, and shows them in the 360 and the storefront", async () => {
    const credentials = { email: "points@example.in", password: "Points-pass-1", first_name: "Varsha" }
    const { id: customerId, me } = await signedInCustomer(api, store, credentials)
    const [coin] = await getContainer().resolve(Modules.PRODUCT).listProductVariants({ sku: "COIN-24K-5G" })
    const order = await getContainer()
      .resolve(Modules.ORDER)
      .createOrders({ currency_code: "inr", customer_id: customerId, email: credentials.email, items: [{ title: "24K Gold Coin 5 g", quantity: 1, unit_price: 40545, variant_id: coin.id }] })
    const bus = getContainer().resolve(Modules.EVENT_BUS)
    for (let i = 0; i < 3; i++) {
      await bus.emit({ name: "order.placed", data: { id: order.id } })
    }
    await waitFor("the points of the order", async () => (await loyalty().listPointsEntries({ order_id: order.id })).length)
    // All three deliveries have been handled before counting.
    await eventsSettled(getContainer())
    const entries = await loyalty().listPointsEntries({ order_id: order.id })
    // ₹40,545 at 1 point per ₹100: 405 points, once.
    expect(entries.map((e) => [e.type, e.points])).toEqual([["earn", 405]])

    const { data: mine } = await api.get("/store/customers/me/loyalty", me)
    expect(mine.loyalty).toEqual(expect.objectContaining({ balance: 405, tier: "Silver", next_tier: { name: "Gold", min_spend: 200000 } }))
    const { data: view } = await api.get(`/admin/crm/customers/${customerId}/360`, auth)
    expect(view.sections.loyalty.data.balance).toBe(405)
    expect((await expectStatus(api.get("/store/customers/me/loyalty", store))).status).toBe(401)

    // Cancelled: the points go again.
    await bus.emit({ name: "order.canceled", data: { id: order.id } })
    await waitFor("the reversal of the points", async () => (await loyalty().listPointsEntries({ order_id: order.id })).length === 2)
    const [account] = await loyalty().listLoyaltyAccounts({ customer_id: customerId })
    expect(account.balance).toBe(0)
  })

  it("moves a customer up a tier by the last 12 months' spend, earns at that tier's multiplier, and moves them down when the spend leaves the window", async () => {
    const { id } = await signedInCustomer(api, store, { email: "gold@example.in", password: "Gold-pass-1", first_name: "Gayatri" })
    const [necklace] = await getContainer().resolve(Modules.PRODUCT).listProductVariants({ sku: "COIN-24K-5G" })
    const order = await getContainer()
      .resolve(Modules.ORDER)
      .createOrders({ currency_code: "inr", customer_id: id, email: "gold@example.in", items: [{ title: "Bridal set", quantity: 1, unit_price: 250000, variant_id: necklace.id }] })
    await getContainer().resolve(Modules.EVENT_BUS).emit({ name: "order.placed", data: { id: order.id } })
    const entries = await waitFor("the points of the order", async () => {
      const rows = await loyalty().listPointsEntries({ order_id: order.id })
      return rows.length ? rows : undefined
    })
    // ₹2,50,000 reaches Gold (from ₹2,00,000): 2,500 points × 1.25.
    expect(entries.map((e) => e.points)).toEqual([3125])
    const [account] = await loyalty().listLoyaltyAccounts({ customer_id: id })
    expect(account).toEqual(expect.objectContaining({ tier: "Gold", balance: 3125 }))
    expect(account.tier_since).not.toBeNull()

    // Thirteen months on, the order has left the window: the daily review moves her down; points stay.
    await getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION).raw(`update "order" set created_at = now() - interval '13 months' where id = ?`, [order.id])
    const review = await reviewLoyaltyTiers(getContainer())
    expect(review.moved).toBeGreaterThanOrEqual(1)
    const [after] = await loyalty().listLoyaltyAccounts({ customer_id: id })
    expect(after).toEqual(expect.objectContaining({ tier: "Silver", balance: 3125 }))
    expect((await reviewLoyaltyTiers(getContainer())).moved).toBe(0)
  })

  it("gives welcome, birthday and anniversary points once each, when the program sets them", async () => {
    const { data: current } = await api.get("/admin/loyalty/program", auth)
    await api.post("/admin/loyalty/program", { ...current.program, welcome_bonus: 25, birthday_bonus: 100, anniversary_bonus: 150 }, auth)
    try {
      const today = shopToday()
      const mmdd = `${String(today.month).padStart(2, "0")}-${String(today.day).padStart(2, "0")}`
      const { data } = await api.post("/admin/crm/customers", { first_name: "Hema", birthday: `1990-${mmdd}`, anniversary: `2015-${mmdd}` }, auth)
      const id = data.customer.id as string
      const welcome = await waitFor("the welcome bonus", async () => {
        const rows = await loyalty().listPointsEntries({ idempotency_key: `welcome:${id}` })
        return rows.length ? rows : undefined
      })
      expect(welcome.map((e) => e.points)).toEqual([25])

      expect(await grantOccasionBonuses(getContainer())).toBeGreaterThanOrEqual(2)
      await grantOccasionBonuses(getContainer())
      const bonuses = await loyalty().listPointsEntries({ customer_id: id, type: "bonus" }, { order: { points: "ASC" } })
      expect(bonuses.map((e) => [e.points, e.idempotency_key])).toEqual([
        [25, `welcome:${id}`],
        [100, `birthday:${id}:${today.year}`],
        [150, `anniversary:${id}:${today.year}`],
      ])
      const [account] = await loyalty().listLoyaltyAccounts({ customer_id: id })
      expect(account).toEqual(expect.objectContaining({ balance: 275, lifetime_earned: 275 }))
    } finally {
      await api.post("/admin/loyalty/program", current.program, auth)
    }
  })
}
