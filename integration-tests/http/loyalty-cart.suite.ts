import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { ShopSuite } from "../support/runner"
import { eventsSettled, waitFor } from "../support/wait"
import { settleStaleCartRedemptions } from "../../src/jobs/settle-cart-points"
import { amountToPaise } from "../../src/lib/money"
import { LOYALTY_MODULE } from "../../src/modules/loyalty"
import type LoyaltyModuleService from "../../src/modules/loyalty/service"
import { capturePayment, cartWithCoin, demoShop, expectStatus, payAndComplete, signedInCustomer, type Headers } from "./helpers"

/** Points paying part of an online cart: applied as a Medusa promotion, deducted once when the cart completes. */
export const loyaltyCartSuite: ShopSuite = ({ api, getContainer }) => {
  let auth: Headers
  let store: Headers
  beforeAll(async () => {
    ;({ auth, store } = await demoShop(getContainer(), api, { payAtStore: true }))
  })
  const loyalty = () => getContainer().resolve<LoyaltyModuleService>(LOYALTY_MODULE)
  afterEach(async () => {
    const { data } = await api.get("/admin/loyalty/verify", auth)
    expect(data).toEqual({ ok: true, mismatches: [] })
  })

  let n = 0
  /** A signed-in customer holding `points`, and a cart of theirs with a gold coin in it. */
  async function shopperWithCart(points: number) {
    n += 1
    const email = `points-cart-${n}@example.in`
    const { id, me } = await signedInCustomer(api, store, { email, password: "Cart-pass-123", first_name: `Shopper ${n}` })
    await api.post(`/admin/loyalty/customers/${id}/adjust`, { points, idempotency_key: `opening-${id}`, reason: "opening balance" }, auth)
    const { cartId, variantId } = await cartWithCoin(api, me, email)
    return { id, me, cartId, variantId }
  }
  const balanceOf = async (customerId: string) => (await loyalty().listLoyaltyAccounts({ customer_id: customerId }))[0].balance
  const cartTotalPaise = async (cartId: string, me: Headers) => amountToPaise((await api.get(`/store/carts/${cartId}`, me)).data.cart.total)
  const settled = (orderId: string) =>
    waitFor(`the redemption of order ${orderId} to be filed`, async () => (await loyalty().listCartRedemptions({ order_id: orderId }))[0])

  it("keeps a customer's cart from other customers: another's sign-in gets a 404 on every cart route in any spelling and reads nothing; a guest's cart is anyone's to take until a customer takes it", async () => {
    const { me, cartId } = await shopperWithCart(10)
    const other = await signedInCustomer(api, store, { email: "not-the-owner@example.in", password: "Other-pass-123", first_name: "Other" })
    const attempts: [string, string, unknown?][] = [
      ["get", `/store/carts/${cartId}`],
      ["get", `/STORE/Carts/${cartId}`],
      ["get", `/store/carts/%63${cartId.slice(1)}`],
      ["post", `/store/carts/${cartId}`, { email: "taken@example.in" }],
      ["post", `/store/carts/${cartId}/line-items`, { variant_id: "variant_x", quantity: 1 }],
      ["post", `/store/carts/${cartId}/promotions`, { promo_codes: ["ANY"] }],
      ["post", `/store/carts/${cartId}/customer`, {}],
      ["post", `/store/carts/${cartId}/complete`, {}],
      ["get", `/store/carts/${cartId}/loyalty`],
      ["post", "/store/payment-collections", { cart_id: cartId }],
    ]
    for (const [method, path, body] of attempts) {
      const res = await expectStatus(method === "get" ? api.get(path, other.me) : api.post(path, body, other.me))
      expect({ path, status: res.status, leaked: JSON.stringify(res.data ?? "").includes("1 MG Road") }).toEqual({ path, status: 404, leaked: false })
    }
    // Nothing changed, and the owner still has it.
    const { data } = await api.get(`/store/carts/${cartId}`, me)
    expect([data.cart.email, data.cart.items.length, data.cart.shipping_address.address_1]).toEqual([`points-cart-${n}@example.in`, 1, "1 MG Road"])

    // A guest's cart is anyone's to take, until a customer takes it; then not another customer's.
    const { cartId: guestCart } = await cartWithCoin(api, store, "guest@example.in")
    expect((await expectStatus(api.get(`/store/carts/${guestCart}`, other.me))).status).toBe(200)
    expect((await expectStatus(api.post(`/store/carts/${guestCart}/customer`, {}, other.me))).status).toBe(200)
    expect((await expectStatus(api.get(`/store/carts/${guestCart}`, me))).status).toBe(404)
    expect((await expectStatus(api.get(`/store/carts/${guestCart}`, other.me))).status).toBe(200)
  })

  it("takes exactly the points' value off the bill, replaces on a second apply, and deducts once when the order is placed", async () => {
    const { id, me, cartId } = await shopperWithCart(1000)
    const full = await cartTotalPaise(cartId, me)

    const { data: before } = await api.get(`/store/carts/${cartId}/loyalty`, me)
    expect(before.loyalty).toEqual(expect.objectContaining({ balance: 1000, applied: null, point_value: 1 }))
    // The coin costs far more than ₹5,000, so the 20 % share allows the whole balance.
    expect(before.loyalty.max_points).toBe(1000)

    const first = await api.post(`/store/carts/${cartId}/loyalty/redeem`, { points: 300 }, me)
    expect(first.data.loyalty.applied).toEqual(expect.objectContaining({ points: 300, value: 300 }))
    expect(await cartTotalPaise(cartId, me)).toBe(full - 300_00)
    const firstCode = first.data.loyalty.applied.code as string
    expect(firstCode).toMatch(/^POINTS-[0-9A-F]{16}$/)

    const second = await api.post(`/store/carts/${cartId}/loyalty/redeem`, { points: 400 }, me)
    expect(await cartTotalPaise(cartId, me)).toBe(full - 400_00)
    expect(second.data.cart.promo_codes).toEqual([second.data.loyalty.applied.code])
    // The replaced promotion is gone; nothing left the balance yet.
    expect(await getContainer().resolve(Modules.PROMOTION).listPromotions({ code: firstCode })).toEqual([])
    expect(await balanceOf(id)).toBe(1000)

    const { data: completed } = await payAndComplete(api, me, cartId)
    expect(completed.type).toBe("order")
    const redemption = await settled(completed.order.id)
    expect(redemption).toEqual(expect.objectContaining({ status: "placed", points: 400, cart_id: cartId }))
    // Paid at the store: the order earns its points now (and cancelling below takes them back).
    expect((await capturePayment(api, auth, completed.order.id)).status).toBe(200)
    const redeemed = await loyalty().listPointsEntries({ customer_id: id, type: "redeem" })
    expect(redeemed.map((e) => [e.points, e.order_id])).toEqual([[-400, completed.order.id]])
    expect(amountToPaise(completed.order.discount_total)).toBe(400_00)

    // The event again (a retry) deducts nothing more; the used code cannot be used on another cart.
    await getContainer().resolve(Modules.EVENT_BUS).emit({ name: "order.placed", data: { id: completed.order.id } })
    await eventsSettled(getContainer())
    expect(await loyalty().listPointsEntries({ customer_id: id, type: "redeem" })).toHaveLength(1)
    const { cartId: other } = await cartWithCoin(api, me, `points-cart-${n}@example.in`)
    const reuse = await expectStatus(api.post(`/store/carts/${other}/promotions`, { promo_codes: [redemption.promotion_code] }, me))
    // Medusa skips a promotion past its usage limit: the code gives nothing.
    expect([reuse.status, reuse.data.cart.discount_total]).toEqual([200, 0])

    // Cancelling the order gives the points back.
    await getContainer().resolve(Modules.EVENT_BUS).emit({ name: "order.canceled", data: { id: completed.order.id } })
    await waitFor("the points to come back", async () => (await loyalty().listPointsEntries({ customer_id: id, type: "reverse" })).length >= 2)
    expect(await balanceOf(id)).toBe(1000)
  })

  it("fails completion cleanly when the balance was spent elsewhere meanwhile, and takes nothing", async () => {
    const { id, me, cartId } = await shopperWithCart(500)
    await api.post(`/store/carts/${cartId}/loyalty/redeem`, { points: 300 }, me)
    // Meanwhile, at the counter:
    await api.post(`/admin/loyalty/customers/${id}/redeem`, { points: 300, idempotency_key: `POS-${id}`, order_total: 10000 }, auth)
    const refused = await payAndComplete(api, me, cartId)
    expect(refused.status).toBe(400)
    expect(refused.data.message).toMatch(/300 points on this cart are no longer available.*balance is 200/)
    expect(await balanceOf(id)).toBe(200)
    expect((await loyalty().listCartRedemptions({ cart_id: cartId }))[0].status).toBe("applied")

    // Taking the points off lets the cart complete at its full price.
    const full = (await api.delete(`/store/carts/${cartId}/loyalty/redeem`, me)).data
    expect(full.loyalty.applied).toBeNull()
    expect(full.cart.promo_codes).toEqual([])
    const { data: completed } = await payAndComplete(api, me, cartId)
    expect(completed.type).toBe("order")
    expect(amountToPaise(completed.order.discount_total)).toBe(0)
    expect(await loyalty().listPointsEntries({ customer_id: id, type: "redeem" })).toHaveLength(1)
  })

  it("refuses bad redemptions with a clear 4xx and changes nothing", async () => {
    const { me, cartId } = await shopperWithCart(150)
    const stranger = await shopperWithCart(1000)
    const total = await cartTotalPaise(cartId, me)
    const cases: [string, Headers, unknown, number, RegExp][] = [
      [cartId, me, { points: 151 }, 400, /balance is 150, 151/],
      [cartId, me, { points: 0 }, 400, /points.*too small/],
      [cartId, me, { points: -5 }, 400, /points.*too small/],
      [cartId, me, { points: 2.5 }, 400, /'int' for field 'points'/],
      [cartId, me, { points: "10" }, 400, /number/],
      [cartId, me, { points: 10, extra: 1 }, 400, /extra/],
      [cartId, stranger.me, { points: 100 }, 404, /was not found/],
      ["cart_nope", me, { points: 100 }, 404, /was not found/],
    ]
    for (const [cart, headers, body, status, message] of cases) {
      const res = await expectStatus(api.post(`/store/carts/${cart}/loyalty/redeem`, body, headers))
      expect([res.status, res.data.message]).toEqual([status, expect.stringMatching(message)])
    }
    expect((await expectStatus(api.post(`/store/carts/${cartId}/loyalty/redeem`, { points: 100 }, store))).status).toBe(401)
    expect((await expectStatus(api.get(`/store/carts/${cartId}/loyalty`, stranger.me))).status).toBe(404)
    // Under the minimum balance of 100 after a redemption elsewhere.
    const low = await shopperWithCart(90)
    const under = await expectStatus(api.post(`/store/carts/${low.cartId}/loyalty/redeem`, { points: 50 }, low.me))
    expect([under.status, under.data.message]).toEqual([400, expect.stringMatching(/at least 100 points/)])

    expect(await cartTotalPaise(cartId, me)).toBe(total)
    expect(await loyalty().listCartRedemptions({ cart_id: [cartId, low.cartId] })).toEqual([])

    // The code of the points on one cart, typed into another of the same customer: the discount shows, completion refuses it.
    const applied = await api.post(`/store/carts/${stranger.cartId}/loyalty/redeem`, { points: 100 }, stranger.me)
    const { cartId: second } = await cartWithCoin(api, stranger.me, `points-cart-${n - 1}@example.in`)
    const copied = await api.post(`/store/carts/${second}/promotions`, { promo_codes: [applied.data.loyalty.applied.code] }, stranger.me)
    expect(copied.data.cart.discount_total).toBe(100)
    const refused = await payAndComplete(api, stranger.me, second)
    expect([refused.status, refused.data.message]).toEqual([400, "A points discount of another cart cannot be used on this one"])
    expect(await balanceOf(stranger.id)).toBe(1000)
  })

  it("refuses a completion whose piece sold out since, before taking the points or writing an order, and deducts them once on the next attempt", async () => {
    const { id, me, cartId, variantId } = await shopperWithCart(800)
    await api.post(`/store/carts/${cartId}/loyalty/redeem`, { points: 250 }, me)
    // The coin sells out between checkout and payment.
    const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "product_variant", fields: ["inventory_items.inventory_item_id"], filters: { id: variantId } })
    const itemId = (data[0] as { inventory_items: { inventory_item_id: string }[] }).inventory_items[0].inventory_item_id
    const inventory = getContainer().resolve(Modules.INVENTORY)
    const levels = await inventory.listInventoryLevels({ inventory_item_id: itemId })
    await inventory.updateInventoryLevels(levels.map((l) => ({ inventory_item_id: itemId, location_id: l.location_id, stocked_quantity: 0 })))
    const ordersBefore = (await getContainer().resolve(Modules.ORDER).listOrders({}, { select: ["id"] })).length
    const failed = await payAndComplete(api, me, cartId)
    expect(failed.data.type).not.toBe("order")
    expect(JSON.stringify(failed.data)).toMatch(/no longer in stock; remove it from the cart to continue/)
    // Refused before anything was taken: the balance whole, the points still on the cart, no order.
    expect(await balanceOf(id)).toBe(800)
    expect((await loyalty().listCartRedemptions({ cart_id: cartId }))[0]).toEqual(expect.objectContaining({ status: "applied" }))
    expect((await getContainer().resolve(Modules.ORDER).listOrders({}, { select: ["id"] })).length).toBe(ordersBefore)

    await inventory.updateInventoryLevels(levels.map((l) => ({ inventory_item_id: itemId, location_id: l.location_id, stocked_quantity: l.stocked_quantity })))
    const { data: completed } = await payAndComplete(api, me, cartId)
    expect(completed.type).toBe("order")
    await settled(completed.order.id)
    expect(await balanceOf(id)).toBe(550)
    const entries = await loyalty().listPointsEntries({ customer_id: id, type: ["redeem", "reverse"] }, { order: { created_at: "ASC" } })
    expect(entries.map((e) => [e.type, e.points])).toEqual([["redeem", -250]])
  })

  it("a received return takes back its share of the points earned and gives back its share of the points spent; cancelling undoes the rest", async () => {
    const { id, me, cartId, variantId } = await shopperWithCart(1000)
    await api.post(`/store/carts/${cartId}/line-items`, { variant_id: variantId, quantity: 1 }, me)
    await api.post(`/store/carts/${cartId}/loyalty/redeem`, { points: 500 }, me)
    const { data: completed } = await payAndComplete(api, me, cartId)
    expect(completed.type).toBe("order")
    const orderId = completed.order.id as string
    await settled(orderId)
    expect((await capturePayment(api, auth, orderId)).status).toBe(200)
    const earned = await waitFor("the points the order earned", async () => {
      const rows = await loyalty().listPointsEntries({ order_id: orderId, type: "earn" })
      return rows.length ? rows : undefined
    })
    const earnedPoints = earned[0].points
    expect(await balanceOf(id)).toBe(1000 - 500 + earnedPoints)

    // One of the two coins comes back.
    const [line] = completed.order.items as { id: string; quantity: number }[]
    expect(line.quantity).toBe(2)
    const orders = getContainer().resolve(Modules.ORDER)
    // The order module's return item names the line by item_id.
    const ret = await orders.createReturns({ order_id: orderId, items: [{ item_id: line.id, quantity: 1 } as unknown as { id: string; quantity: number }] })
    const bus = getContainer().resolve(Modules.EVENT_BUS)
    const reversals = async (n: number) => {
      await waitFor(`${n} reversal entries`, async () => (await loyalty().listPointsEntries({ customer_id: id, type: "reverse" })).length >= n)
      return loyalty().listPointsEntries({ customer_id: id, type: "reverse" }, { order: { created_at: "ASC" } })
    }
    await bus.emit({ name: "order.return_received", data: { order_id: orderId, return_id: ret.id } })
    const half = Math.round(earnedPoints / 2)
    expect((await reversals(2)).map((e) => e.points).sort((a, b) => a - b)).toEqual([-half, 250])
    // The same event again changes nothing.
    await bus.emit({ name: "order.return_received", data: { order_id: orderId, return_id: ret.id } })
    await eventsSettled(getContainer())
    expect(await loyalty().listPointsEntries({ customer_id: id, type: "reverse" })).toHaveLength(2)
    expect(await balanceOf(id)).toBe(1000 - 250 + earnedPoints - half)

    // Cancelled: what is left of both goes.
    await bus.emit({ name: "order.canceled", data: { id: orderId } })
    expect((await reversals(4)).map((e) => e.points).sort((a, b) => a - b)).toEqual([-half, -(earnedPoints - half), 250, 250].sort((a, b) => a - b))
    expect(await balanceOf(id)).toBe(1000)
  })

  it("after a completion that died between the deduction and the order, the job gives the points back and takes the discount off", async () => {
    const { id, me, cartId } = await shopperWithCart(600)
    const full = await cartTotalPaise(cartId, me)
    await api.post(`/store/carts/${cartId}/loyalty/redeem`, { points: 200 }, me)
    const [redemption] = await loyalty().listCartRedemptions({ cart_id: cartId })
    // What the completion does first; then the process dies.
    await loyalty().deductCartRedemption(redemption.id, 100)
    expect(await balanceOf(id)).toBe(400)

    // Too recent: left alone (a completion may still be running).
    expect(await settleStaleCartRedemptions(getContainer())).toEqual({ placed: 0, released: 0 })
    expect(await settleStaleCartRedemptions(getContainer(), { olderThanMinutes: 0 })).toEqual({ placed: 0, released: 1 })
    expect(await settleStaleCartRedemptions(getContainer(), { olderThanMinutes: 0 })).toEqual({ placed: 0, released: 0 })
    expect(await balanceOf(id)).toBe(600)
    expect(await cartTotalPaise(cartId, me)).toBe(full)
    expect((await loyalty().listCartRedemptions({ cart_id: cartId }))[0].status).toBe("released")
    expect(await getContainer().resolve(Modules.PROMOTION).listPromotions({ id: redemption.promotion_id })).toEqual([])

    // The cart still completes, at full price and with nothing deducted; paid, it earns.
    const { data: completed } = await payAndComplete(api, me, cartId)
    expect(completed.type).toBe("order")
    expect((await capturePayment(api, auth, completed.order.id)).status).toBe(200)
    await waitFor("the points of the order", async () => (await loyalty().listPointsEntries({ order_id: completed.order.id })).length)
    const entries = await loyalty().listPointsEntries({ customer_id: id, type: ["redeem", "reverse", "earn"] }, { order: { created_at: "ASC" } })
    expect(entries.map((e) => [e.type, e.points])).toEqual([["redeem", -200], ["reverse", 200], ["earn", expect.any(Number)]])
  })
}
