import { shopIntegrationRunner } from "../support/runner"
import { Modules } from "@medusajs/framework/utils"
import { POS_MODULE } from "../../src/modules/pos"
import type PosModuleService from "../../src/modules/pos/service"
import { useLoopback } from "../support/loopback-server"
import { PaypalLoopback, paypalSettings } from "../support/paypal-loopback"
import { webhooksProcessed } from "../support/payment-webhooks"
import { RazorpayLoopback, razorpaySettings } from "../support/razorpay-loopback"
import { cartWithCoin, demoShop, expectStatus, type Headers } from "./helpers"

jest.setTimeout(240 * 1000)

// The official Razorpay and PayPal SDKs, pointed at loopback servers; set before the app reads its config.
const razorpay = useLoopback(new RazorpayLoopback(), razorpaySettings({ RAZORPAY_CAPTURE: "manual" }))
const paypal = useLoopback(new PaypalLoopback(), paypalSettings({ PAYPAL_CAPTURE: "manual" }))

const RZP = "pp_razorpay_razorpay"

shopIntegrationRunner({
  testSuite: ({ api, getContainer }) => {
    let auth: Headers
    let store: Headers
    beforeAll(async () => {
      ;({ auth, store } = await demoShop(getContainer(), api))
    })

    const hook = () => `${api.defaults.baseURL}/hooks/payment/razorpay_razorpay`
    const pos = () => getContainer().resolve<PosModuleService>(POS_MODULE)
    const processed = (eventIds: string[]) => webhooksProcessed(getContainer(), eventIds)

    /** A cart with the 5 g coin and a Razorpay session: the session and the Razorpay order it opened. */
    async function razorpayCart(email: string) {
      const { cartId } = await cartWithCoin(api, store, email)
      const { data: collection } = await api.post("/store/payment-collections", { cart_id: cartId }, store)
      const { data } = await api.post(`/store/payment-collections/${collection.payment_collection.id}/payment-sessions`, { provider_id: RZP }, store)
      const session = data.payment_collection.payment_sessions.find((s: { provider_id: string }) => s.provider_id === RZP)
      return { cartId, collection: data.payment_collection, session, order: razorpay.orders.get(session.data.razorpay_order_id)! }
    }

    async function paymentOf(orderId: string) {
      const { data } = await api.get(`/admin/orders/${orderId}?fields=id,total,payment_status,payment_collections.payments.*,payment_collections.payments.captures.*,payment_collections.payments.refunds.*`, auth)
      return { order: data.order, payment: data.order.payment_collections[0].payments[0] }
    }

    it("takes a store checkout through Razorpay: session, checkout, signature, order; forged signatures change nothing", async () => {
      const { data: providers } = await api.get(`/store/payment-providers?region_id=${(await api.get("/store/regions", store)).data.regions[0].id}`, store)
      expect(providers.payment_providers.map((p: { id: string }) => p.id)).toContain(RZP)
      // Neither the system provider (no "pay at the store" in this region) nor the counter's tenders.
      expect(providers.payment_providers.map((p: { id: string }) => p.id)).not.toContain("pp_system_default")
      expect(providers.payment_providers.map((p: { id: string }) => p.id)).not.toContain("pp_instore_cash")

      const { cartId, collection, session, order } = await razorpayCart("asha.checkout@example.in")
      // The Razorpay order: the cart's total in paise, the session as receipt and in the notes.
      expect(order).toEqual(
        expect.objectContaining({ amount: Math.round(collection.amount * 100), currency: "INR", receipt: session.id, notes: expect.objectContaining({ session_id: session.id }), capture: "manual" })
      )
      expect(session.data).toEqual(expect.objectContaining({ razorpay_order_id: order.id, key_id: razorpay.keyId, amount_paise: order.amount }))

      const paid = razorpay.checkout(order.id)
      const forged = await expectStatus(api.post(`/store/carts/${cartId}/razorpay/verify`, { ...paid, razorpay_signature: "0".repeat(64) }, store))
      expect([forged.status, forged.data.message]).toEqual([400, expect.stringMatching(/razorpay_signature does not match/)])
      const malformed = await expectStatus(api.post(`/store/carts/${cartId}/razorpay/verify`, { ...paid, razorpay_signature: "nope" }, store))
      expect(malformed.status).toBe(400)
      const { data: untouched } = await api.get(`/store/carts/${cartId}?fields=payment_collection.payment_sessions.*`, store)
      expect(untouched.cart.payment_collection.payment_sessions[0].data.razorpay_payment_id).toBeUndefined()

      const verified = await api.post(`/store/carts/${cartId}/razorpay/verify`, paid, store)
      expect(verified.data.payment_session).toEqual(expect.objectContaining({ id: session.id, razorpay_payment_id: paid.razorpay_payment_id }))
      const completed = await api.post(`/store/carts/${cartId}/complete`, {}, store)
      expect(completed.data.type).toBe("order")
      const { order: placed, payment } = await paymentOf(completed.data.order.id)
      expect(placed.payment_status).toBe("authorized")
      expect(payment).toEqual(expect.objectContaining({ provider_id: RZP, captures: [] }))
      expect(payment.data).toEqual(expect.objectContaining({ razorpay_payment_id: paid.razorpay_payment_id, razorpay_status: "authorized" }))
    })

    /** An order placed through Razorpay's checkout, its payment authorised (manual capture). */
    async function authorizedOrder(email: string) {
      const { cartId, order } = await razorpayCart(email)
      const paid = razorpay.checkout(order.id)
      await api.post(`/store/carts/${cartId}/razorpay/verify`, paid, store)
      const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, store)
      const { payment } = await paymentOf(data.order.id)
      return { orderId: data.order.id as string, paymentId: payment.id as string, razorpayPaymentId: paid.razorpay_payment_id, paise: order.amount }
    }

    it("captures part of an authorisation once: Razorpay's capture webhooks, five times and out of order, add nothing; forged webhooks are refused", async () => {
      const { orderId, paymentId, razorpayPaymentId, paise } = await authorizedOrder("ravi.capture@example.in")
      // The authorisation's webhook, five times with one event id: one delivery is processed.
      const authorized = razorpay.lastEvent("payment.authorized", razorpayPaymentId)
      const answers = await Promise.all([1, 2, 3, 4, 5].map(() => razorpay.deliver(hook(), authorized)))
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200])
      expect(answers.filter((a) => a.text.includes('"duplicate":true'))).toHaveLength(4)
      expect(await pos().listPaymentWebhookEvents({ event_id: authorized.id })).toHaveLength(1)

      const forged = await razorpay.deliver(hook(), authorized, { signature: "f".repeat(64), eventId: "evt_forged" })
      expect([forged.status, forged.text]).toEqual([403, expect.stringContaining("Invalid X-Razorpay-Signature")])
      const unsigned = await expectStatus(api.post("/hooks/payment/razorpay_razorpay", JSON.parse(authorized.body)))
      expect([unsigned.status, unsigned.data.message]).toEqual([403, "Missing X-Razorpay-Signature"])
      expect(await pos().listPaymentWebhookEvents({ event_id: "evt_forged" })).toHaveLength(0)

      // Capture ₹10,000 of it: Razorpay captures that much and releases the rest.
      const part = 10_000
      const captured = await expectStatus(api.post(`/admin/payments/${paymentId}/capture`, { amount: part }, auth))
      expect([captured.status, captured.data.message]).toEqual([200, undefined])
      expect(razorpay.payments.get(razorpayPaymentId)).toEqual(expect.objectContaining({ status: "captured", amount: part * 100 }))
      // Razorpay takes one capture a payment: a second is refused, and nothing is recorded.
      const again = await expectStatus(api.post(`/admin/payments/${paymentId}/capture`, { amount: 500 }, auth))
      expect([again.status, again.data.message]).toEqual([400, expect.stringMatching(/takes one capture a payment/)])

      // Razorpay's capture events, in reverse order and each five times: the capture is recorded once.
      const events = [razorpay.lastEvent("order.paid", razorpayPaymentId), razorpay.lastEvent("payment.captured", razorpayPaymentId)]
      const ids: string[] = [authorized.id]
      for (const event of events) {
        for (let i = 0; i < 5; i++) {
          ids.push(`${event.id}-${i}`)
          await razorpay.deliver(hook(), event, { eventId: ids[ids.length - 1] })
        }
      }
      const rows = await processed(ids)
      expect(rows.map((r) => r.result)).toEqual(ids.map(() => "passed to Medusa"))
      const { order, payment } = await paymentOf(orderId)
      expect(payment.captures.map((c: { amount: number }) => c.amount)).toEqual([part])
      expect(order.payment_status).toBe("partially_captured")
      expect(paise).toBeGreaterThan(part * 100)
    })

    it("refunds once at Razorpay however it is made: partly and fully through the admin, never above the capture; in Razorpay's dashboard, recorded once under repeated, out-of-order deliveries", async () => {
      // Through the admin.
      const shop = await authorizedOrder("farah.refund@example.in")
      await api.post(`/admin/payments/${shop.paymentId}/capture`, {}, auth)
      expect(razorpay.payments.get(shop.razorpayPaymentId)).toEqual(expect.objectContaining({ status: "captured", amount: shop.paise }))
      const first = await api.post(`/admin/payments/${shop.paymentId}/refund`, { amount: 1000 }, auth)
      expect(first.status).toBe(200)
      const atRazorpay = (paymentId: string) => [...razorpay.refunds.values()].filter((r) => r.payment_id === paymentId)
      expect(atRazorpay(shop.razorpayPaymentId)).toEqual([expect.objectContaining({ amount: 100_000, notes: { medusa_refund_id: expect.stringMatching(/^ref_/) } })])
      const tooMuch = await expectStatus(api.post(`/admin/payments/${shop.paymentId}/refund`, { amount: shop.paise / 100 }, auth))
      expect([tooMuch.status, tooMuch.data.message]).toEqual([400, expect.stringMatching(/refund more than the captured amount/)])
      expect(atRazorpay(shop.razorpayPaymentId)).toHaveLength(1)
      const rest = (shop.paise - 100_000) / 100
      await api.post(`/admin/payments/${shop.paymentId}/refund`, { amount: rest }, auth)
      expect(razorpay.payments.get(shop.razorpayPaymentId)).toEqual(expect.objectContaining({ status: "refunded", amount_refunded: shop.paise }))
      const ownRefunds = atRazorpay(shop.razorpayPaymentId).map((r) => [razorpay.lastEvent("refund.processed", r.id), razorpay.lastEvent("refund.processed", r.id).id] as const)

      // In Razorpay's dashboard: captured there, then partly refunded there.
      const dash = await authorizedOrder("meena.dashboard@example.in")
      razorpay.captureInDashboard(dash.razorpayPaymentId)
      const refund = razorpay.dashboardRefund(dash.razorpayPaymentId, 50_000)
      const refunded = razorpay.lastEvent("refund.processed", refund.id)
      const captured = razorpay.lastEvent("payment.captured", dash.razorpayPaymentId)
      const paid = razorpay.lastEvent("order.paid", dash.razorpayPaymentId)
      // The refund first, all at once: repeats of one event id, and the same events under new ids.
      const deliveries = [
        ...ownRefunds,
        ...[0, 1, 2].map(() => [refunded, refunded.id] as const),
        ...[0, 1].map((i) => [refunded, `${refunded.id}-again-${i}`] as const),
        ...[0, 1, 2, 3, 4].map((i) => [captured, `${captured.id}-${i}`] as const),
        ...[0, 1].map((i) => [paid, `${paid.id}-${i}`] as const),
      ]
      const answers = await Promise.all(deliveries.map(([event, eventId]) => razorpay.deliver(hook(), event, { eventId })))
      expect(answers.every((a) => a.status === 200)).toBe(true)
      await processed(deliveries.map(([, eventId]) => eventId))

      // The shop's own refunds: recorded once each, Razorpay's webhooks about them add nothing.
      const ours = await paymentOf(shop.orderId)
      expect(ours.payment.refunds.map((r: { amount: number }) => r.amount).sort((x: number, y: number) => x - y)).toEqual([1000, rest].sort((x, y) => x - y))
      expect(ours.order.payment_status).toBe("refunded")
      expect(atRazorpay(shop.razorpayPaymentId)).toHaveLength(2)
      expect((await pos().listPaymentWebhookEvents({ event: "refund.processed", provider_payment_id: shop.razorpayPaymentId })).map((e) => e.result)).toEqual([
        "refund ignored: made by the shop",
        "refund ignored: made by the shop",
      ])
      // The dashboard's: its capture and its refund recorded once; Razorpay made one refund, not two.
      const { order, payment } = await paymentOf(dash.orderId)
      expect(payment.captures.map((c: { amount: number }) => Math.round(c.amount * 100))).toEqual([dash.paise])
      expect(payment.refunds.map((r: { amount: number; note: string }) => [r.amount, r.note])).toEqual([[500, `Refunded in Razorpay (${refund.id})`]])
      expect(payment.data.refunds).toEqual([expect.objectContaining({ id: refund.id, amount_paise: 50_000 })])
      expect(order.payment_status).toBe("partially_refunded")
      expect(atRazorpay(dash.razorpayPaymentId)).toHaveLength(1)
      const results = (await pos().listPaymentWebhookEvents({ provider_refund_id: refund.id })).map((e) => e.result).sort()
      expect(results).toEqual(["refund ignored: recorded already", "refund ignored: recorded already", `refund ${refund.id} recorded`])

      // The audit trail: each refund once, by the admin user or by Razorpay, with the refunded total before → after.
      const trail = async (paymentId: string) =>
        (await api.get(`/admin/audit?action=payment.refunded&entity=payment&entity_id=${paymentId}`, auth)).data.audit_entries as {
          actor_type: string
          actor_id: string
          changes: Record<string, { before: number; after: number }>
        }[]
      const byAdmin = await trail(shop.paymentId)
      expect(byAdmin.map((e) => [e.actor_type, e.actor_id.startsWith("user_"), e.changes])).toEqual([
        ["user", true, { refunded_amount: { before: 1000, after: 1000 + rest }, refund_count: { before: 1, after: 2 } }],
        ["user", true, { refunded_amount: { before: 0, after: 1000 }, refund_count: { before: 0, after: 1 } }],
      ])
      expect((await trail(dash.paymentId)).map((e) => [e.actor_type, e.actor_id, e.changes])).toEqual([
        ["system", "razorpay", { refunded_paise: { before: 0, after: 50_000 } }],
      ])
    })

    it("says on the delivery's record when a dashboard refund could not be looked up, Razorpay failing on every try", async () => {
      const dash = await authorizedOrder("neha.razorpay-down@example.in")
      razorpay.captureInDashboard(dash.razorpayPaymentId)
      const refund = razorpay.dashboardRefund(dash.razorpayPaymentId, 20_000)
      const refunded = razorpay.lastEvent("refund.processed", refund.id)
      razorpay.down = true
      try {
        // Answered 200 (Razorpay would not send it again); the look-up is tried four times over some 14 s.
        expect((await razorpay.deliver(hook(), refunded)).status).toBe(200)
        const [row] = await processed([refunded.id])
        expect(row.result).toMatch(/^not handled: Razorpay is unavailable \(HTTP 503/)
      } finally {
        razorpay.down = false
      }
      const { payment } = await paymentOf(dash.orderId)
      expect(payment.refunds).toEqual([])
    })

    it("refuses to capture an authorisation Razorpay gave back or a failed payment, and records nothing", async () => {
      const lapsed = await authorizedOrder("gopal.lapsed@example.in")
      razorpay.lapseAuthorization(lapsed.razorpayPaymentId)
      const late = await expectStatus(api.post(`/admin/payments/${lapsed.paymentId}/capture`, {}, auth))
      expect([late.status, late.data.message]).toEqual([400, expect.stringMatching(/not captured in time and Razorpay returned it/)])

      const failed = await authorizedOrder("hema.failed@example.in")
      Object.assign(razorpay.payments.get(failed.razorpayPaymentId)!, { status: "failed", error_description: "Payment was declined by the bank" })
      const refused = await expectStatus(api.post(`/admin/payments/${failed.paymentId}/capture`, {}, auth))
      expect([refused.status, refused.data.message]).toEqual([400, expect.stringMatching(/failed \(Payment was declined by the bank\); a failed payment cannot be captured/)])
      for (const { orderId } of [lapsed, failed]) {
        expect((await paymentOf(orderId)).payment.captures).toEqual([])
      }
    })

    it("places the order from the webhook when the customer never comes back (once for five deliveries), keeps a failed payment for the reconciliation and lets that customer pay again", async () => {
      const away = await razorpayCart("imran.away@example.in")
      razorpay.checkout(away.order.id)
      const authorized = razorpay.lastEvent("payment.authorized", away.order.id)
      const ids = [0, 1, 2, 3, 4].map((i) => `${authorized.id}-${i}`)
      const retrying = await razorpayCart("jaya.retry@example.in")
      const failed = razorpay.checkout(retrying.order.id, { fail: true })
      const failure = razorpay.lastEvent("payment.failed", failed.razorpay_payment_id)
      await Promise.all([...ids.map((eventId) => razorpay.deliver(hook(), authorized, { eventId })), razorpay.deliver(hook(), failure)])
      const rows = await processed([...ids, failure.id])

      const { data } = await api.get(`/admin/orders?fields=id,payment_status&email=imran.away@example.in`, auth)
      expect(data.orders).toEqual([expect.objectContaining({ payment_status: "authorized" })])
      const { data: cart } = await api.get(`/store/carts/${away.cartId}?fields=completed_at`, store)
      expect(cart.cart.completed_at).toBeTruthy()

      const event = rows.find((r) => r.event_id === failure.id)!
      expect(event).toEqual(expect.objectContaining({ event: "payment.failed", reason: "Payment failed because the UPI PIN was incorrect", result: expect.stringMatching(/^payment failed/) }))
      expect(event.payment_session_id).toMatch(/^payses_/)
      // The reconciliation lists it under the cart's branch (the Mumbai storefront).
      const { data: recon } = await api.get("/admin/payments/reconciliation?kind=failed", auth)
      expect(recon.entries).toEqual([expect.objectContaining({ kind: "failed", tender: "razorpay", branch_code: "MUM", amount_paise: retrying.order.amount, reference: "Payment failed because the UPI PIN was incorrect" })])
      expect(recon.totals.failed).toEqual({ count: 1, amount: retrying.order.amount / 100, amount_paise: retrying.order.amount })

      const notPaid = await expectStatus(api.post(`/store/carts/${retrying.cartId}/complete`, {}, store))
      expect(notPaid.data.type ?? notPaid.status).not.toBe("order")
      // A second attempt succeeds.
      const { data: collection } = await api.post("/store/payment-collections", { cart_id: retrying.cartId }, store)
      const { data: session } = await api.post(`/store/payment-collections/${collection.payment_collection.id}/payment-sessions`, { provider_id: RZP }, store)
      const retry = razorpay.checkout(session.payment_collection.payment_sessions[0].data.razorpay_order_id)
      await api.post(`/store/carts/${retrying.cartId}/razorpay/verify`, retry, store)
      const completed = await api.post(`/store/carts/${retrying.cartId}/complete`, {}, store)
      expect(completed.data.type).toBe("order")
    })

    it("answers 503 with what to do when Razorpay is down or slow, and the cart stays payable", async () => {
      const { cartId } = await cartWithCoin(api, store, "kavya.outage@example.in")
      const { data: collection } = await api.post("/store/payment-collections", { cart_id: cartId }, store)
      const sessions = `/store/payment-collections/${collection.payment_collection.id}/payment-sessions`
      razorpay.down = true
      const down = await expectStatus(api.post(sessions, { provider_id: RZP }, store))
      razorpay.down = false
      expect([down.status, down.data.message]).toEqual([503, expect.stringMatching(/^Razorpay is unavailable \(HTTP 503 SERVER_ERROR.*try again in a minute/)])
      razorpay.stallNext = 1
      const slow = await expectStatus(api.post(sessions, { provider_id: RZP }, store))
      expect([slow.status, slow.data.message]).toEqual([503, expect.stringMatching(/TIMEOUT: no answer in time/)])
      const { data: unchanged } = await api.get(`/store/carts/${cartId}?fields=completed_at,payment_collection.payment_sessions.id`, store)
      expect(unchanged.cart.completed_at).toBeNull()
      expect(unchanged.cart.payment_collection.payment_sessions).toEqual([])

      const { data } = await api.post(sessions, { provider_id: RZP }, store)
      const paid = razorpay.checkout(data.payment_collection.payment_sessions[0].data.razorpay_order_id)
      await api.post(`/store/carts/${cartId}/razorpay/verify`, paid, store)
      // Aimed at the order's payments the completion reads, so nothing else the app asks Razorpay meanwhile takes it.
      razorpay.failNext.push({ status: 500, code: "SERVER_ERROR", description: "We are facing some trouble completing your request at the moment.", route: "GET /v1/orders/order_:id/payments" })
      const failedCompletion = await expectStatus(api.post(`/store/carts/${cartId}/complete`, {}, store))
      expect(failedCompletion.data.type).not.toBe("order")
      const completed = await api.post(`/store/carts/${cartId}/complete`, {}, store)
      expect(completed.data.type).toBe("order")
    })

    it("takes a PayPal payment: approved by the buyer, authorised with the order, captured in two parts and partly refunded; PayPal vouches for its webhooks", async () => {
      const PAYPAL = "pp_paypal_paypal"
      const { cartId } = await cartWithCoin(api, store, "lata.paypal@example.in")
      const { data: collection } = await api.post("/store/payment-collections", { cart_id: cartId }, store)
      const { data } = await api.post(`/store/payment-collections/${collection.payment_collection.id}/payment-sessions`, { provider_id: PAYPAL }, store)
      const session = data.payment_collection.payment_sessions.find((s: { provider_id: string }) => s.provider_id === PAYPAL)
      const order = paypal.orders.get(session.data.paypal_order_id)!
      const total = Math.round(collection.payment_collection.amount * 100)
      expect(order).toEqual(expect.objectContaining({ intent: "AUTHORIZE", custom_id: session.id, amount: { currency_code: "INR", value: (total / 100).toFixed(2) } }))
      expect(session.data.approval_url).toContain(order.id)

      // Not approved yet: the cart does not complete.
      const early = await expectStatus(api.post(`/store/carts/${cartId}/complete`, {}, store))
      expect(early.data.type).not.toBe("order")
      paypal.approve(order.id)
      const completed = await api.post(`/store/carts/${cartId}/complete`, {}, store)
      expect(completed.data.type).toBe("order")
      const { payment } = await paymentOf(completed.data.order.id)
      expect(payment).toEqual(expect.objectContaining({ provider_id: PAYPAL, data: expect.objectContaining({ authorization_id: order.authorization!.id }) }))

      await api.post(`/admin/payments/${payment.id}/capture`, { amount: 10_000 }, auth)
      await api.post(`/admin/payments/${payment.id}/capture`, { amount: (total - 1_000_000) / 100 }, auth)
      expect(order.captures.map((c) => c.amount.value)).toEqual(["10000.00", ((total - 1_000_000) / 100).toFixed(2)])
      // Fully captured: Medusa answers a further capture without asking PayPal for more.
      await api.post(`/admin/payments/${payment.id}/capture`, { amount: 1 }, auth)
      expect(order.captures).toHaveLength(2)
      await api.post(`/admin/payments/${payment.id}/refund`, { amount: 2500 }, auth)
      expect(order.refunds.map((r) => r.amount.value)).toEqual(["2500.00"])

      const captureEvents = paypal.events.filter((e) => e.event_type === "PAYMENT.CAPTURE.COMPLETED" && e.body.includes(order.id))
      expect(captureEvents).toHaveLength(2)
      const forged = await paypal.deliver(`${api.defaults.baseURL}/hooks/payment/paypal_paypal`, captureEvents[0], { forge: true })
      expect([forged.status, forged.text]).toEqual([403, expect.stringContaining("PayPal did not vouch")])
      for (const event of [...captureEvents, ...captureEvents]) {
        expect((await paypal.deliver(`${api.defaults.baseURL}/hooks/payment/paypal_paypal`, event)).status).toBe(200)
      }
      await processed(captureEvents.map((e) => e.id))
      const after = await paymentOf(completed.data.order.id)
      expect(after.payment.captures).toHaveLength(2)
      expect(after.payment.refunds.map((r: { amount: number }) => r.amount)).toEqual([2500])
      expect(after.order.payment_status).toBe("partially_refunded")
    })
  },
})
