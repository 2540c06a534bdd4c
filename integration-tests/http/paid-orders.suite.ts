import { Modules } from "@medusajs/framework/utils"
import { retryInvoices } from "../../src/jobs/retry-invoices"
import { INVOICING_MODULE } from "../../src/modules/invoicing"
import type InvoicingModuleService from "../../src/modules/invoicing/service"
import { LOYALTY_MODULE } from "../../src/modules/loyalty"
import type LoyaltyModuleService from "../../src/modules/loyalty/service"
import type { ShopSuite } from "../support/runner"
import { eventsSettled, waitFor } from "../support/wait"
import { capturePayment, cartWithCoin, demoShop, expectStatus, offerPayAtStore, payAndComplete, signedInCustomer, type Headers } from "./helpers"

const PDF = Buffer.concat([Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n"), Buffer.alloc(200, 0x20), Buffer.from("\n%%EOF\n")])

/** Value only for paid orders (docs/security.md): points, certificates and invoices wait for the payment; pay at the store only where offered. */
export const paidOrdersSuite: ShopSuite = ({ api, getContainer }) => {
  let auth: Headers
  let store: Headers
  let regionId: string
  let coin: string
  beforeAll(async () => {
    ;({ auth, store } = await demoShop(getContainer(), api))
    regionId = (await api.get("/store/regions", store)).data.regions[0].id
    coin = (await api.get("/admin/jewelry/tags/SGJ-COIN-24K-5G", auth)).data.variant.id
    // The coin's lab certificate, which its buyer may download once the coin is paid for.
    const form = new FormData()
    form.append("file", new Blob([new Uint8Array(PDF)], { type: "application/pdf" }), "IGI.pdf")
    const res = await fetch(`${api.defaults.baseURL}/admin/jewelry/variants/${coin}/certificate`, { method: "POST", headers: auth.headers, body: form })
    expect(res.status).toBe(201)
  })
  afterEach(async () => {
    const { data } = await api.get("/admin/loyalty/verify", auth)
    expect(data).toEqual({ ok: true, mismatches: [] })
  })

  const loyalty = () => getContainer().resolve<LoyaltyModuleService>(LOYALTY_MODULE)
  const invoicing = () => getContainer().resolve<InvoicingModuleService>(INVOICING_MODULE)

  /** What the order has earned so far: its points entries, its invoices, and whether its buyer gets the certificate. */
  async function valueOf(orderId: string, me: Headers) {
    const earned = await loyalty().listPointsEntries({ order_id: orderId, type: "earn" })
    const invoices = (await invoicing().listOrderDocuments([orderId])).filter((d) => d.type === "invoice")
    const certificate = await fetch(`${api.defaults.baseURL}/store/jewelry/variants/${coin}/certificate`, { headers: me.headers })
    return { earned: earned.map((e) => e.points), invoices: invoices.map((d) => d.number), certificate: certificate.status }
  }
  async function waitForValue(orderId: string, me: Headers) {
    return waitFor(`the points and invoice of order ${orderId}`, async () => {
      const value = await valueOf(orderId, me)
      return value.earned.length && value.invoices.length ? value : undefined
    })
  }

  let n = 0
  /** A signed-in customer's order of the coin, paid at the store: placed, its payment not taken yet. */
  async function unpaidOrder() {
    n += 1
    const email = `paid.value.${n}@example.in`
    const { id, me } = await signedInCustomer(api, store, { email, password: "Paid-value-1", first_name: `Kavya ${n}` })
    const { cartId } = await cartWithCoin(api, me, email)
    const placed = await payAndComplete(api, me, cartId)
    expect([placed.status, placed.data.type]).toEqual([200, "order"])
    return { customerId: id, me, orderId: placed.data.order.id as string }
  }

  it("offers paying at the store only where the owner switched it on, labelled so, and refuses it otherwise with a clear 400", async () => {
    const providers = async () => (await api.get(`/store/payment-providers?region_id=${regionId}`, store)).data
    const session = async (providerId: string) => {
      const { cartId } = await cartWithCoin(api, store, "someone@example.in")
      const { data: collection } = await api.post("/store/payment-collections", { cart_id: cartId }, store)
      return expectStatus(api.post(`/store/payment-collections/${collection.payment_collection.id}/payment-sessions`, { provider_id: providerId }, store))
    }

    await offerPayAtStore(getContainer(), api, auth, false)
    const off = await providers()
    expect(off.payment_providers.map((p: { id: string }) => p.id)).not.toContain("pp_system_default")
    expect(off.count).toBe(off.payment_providers.length)
    const refused = await session("pp_system_default")
    expect([refused.status, refused.data.message]).toEqual([400, "Paying at the store is not offered in India; choose another way to pay"])
    const counter = await session("pp_instore_cash")
    expect([counter.status, counter.data.message]).toEqual([400, expect.stringMatching(/counter tender/)])
    // A cart of no region's (an order's collection, an unknown id) is refused too.
    const unknown = await expectStatus(api.post("/store/payment-collections/pay_col_nope/payment-sessions", { provider_id: "pp_system_default" }, store))
    expect(unknown.status).toBe(400)
    const badRegion = await expectStatus(api.get(`/store/payment-providers?region_id[]=${regionId}`, store))
    expect(badRegion.status).toBe(400)

    // The customer cannot switch it on: regions are the admin's.
    expect((await expectStatus(api.post(`/admin/regions/${regionId}`, { metadata: { pay_at_store: true } }, store))).status).toBe(401)

    await offerPayAtStore(getContainer(), api, auth, true)
    const on = await providers()
    expect(on.payment_providers).toEqual(expect.arrayContaining([expect.objectContaining({ id: "pp_system_default", label: "Pay at the store" })]))
    const allowed = await session("pp_system_default")
    expect([allowed.status, allowed.data.payment_collection.payment_sessions.map((s: { provider_id: string }) => s.provider_id)]).toEqual([200, ["pp_system_default"]])
  })

  it("gives an order paid at the store no points, certificate or invoice until its payment is taken, then each once", async () => {
    await offerPayAtStore(getContainer(), api, auth, true)
    const { customerId, me, orderId } = await unpaidOrder()
    // Every subscriber of what happened has run: nothing more is coming.
    await eventsSettled(getContainer())
    expect(await valueOf(orderId, me)).toEqual({ earned: [], invoices: [], certificate: 404 })
    // Nor by asking: the customer's invoice (and the order message's link) wait, and the job leaves it alone.
    const asked = await expectStatus(api.get(`/store/orders/${orderId}/invoice`, me))
    expect([asked.status, asked.data.message]).toEqual([409, expect.stringMatching(/awaits its payment; its tax invoice is issued once the payment is captured/)])
    const staff = await expectStatus(api.post(`/admin/orders/${orderId}/invoice`, {}, auth))
    expect(staff.status).toBe(409)
    await retryInvoices(getContainer(), { graceMinutes: 0 })
    expect((await valueOf(orderId, me)).invoices).toEqual([])

    // The customer pays at the counter; staff take the payment.
    const captured = await capturePayment(api, auth, orderId)
    expect(captured.status).toBe(200)
    const paid = await waitForValue(orderId, me)
    expect(paid).toEqual({ earned: [expect.any(Number)], invoices: [expect.any(String)], certificate: 200 })
    expect(paid.earned[0]).toBeGreaterThan(0)
    expect((await expectStatus(api.get(`/store/orders/${orderId}/invoice`, me))).status).toBe(200)

    // Taken again, the events again, the job: nothing more.
    const again = await expectStatus(api.post(`/admin/payments/${captured.payment_id}/capture`, {}, auth))
    expect(again.status).toBeLessThan(500)
    await getContainer()
      .resolve(Modules.EVENT_BUS)
      .emit([
        { name: "payment.captured", data: { id: captured.payment_id } },
        { name: "payment.captured", data: { id: captured.payment_id } },
        { name: "order.placed", data: { id: orderId } },
      ])
    // Every subscriber of what happened has run: nothing more is coming.
    await eventsSettled(getContainer())
    expect(await retryInvoices(getContainer(), { graceMinutes: 0 })).toEqual(expect.objectContaining({ invoiced: 0 }))
    expect(await valueOf(orderId, me)).toEqual(paid)
    const [account] = await loyalty().listLoyaltyAccounts({ customer_id: customerId })
    expect(account.balance).toBe(paid.earned[0])
  })

  it("never gives anything to an unpaid order that is cancelled", async () => {
    await offerPayAtStore(getContainer(), api, auth, true)
    const { customerId, me, orderId } = await unpaidOrder()
    const cancelled = await expectStatus(api.post(`/admin/orders/${orderId}/cancel`, {}, auth))
    expect(cancelled.status).toBe(200)
    // Its payment cannot be taken now; and were the event to come anyway, it earns nothing.
    const { data } = await api.get(`/admin/orders/${orderId}?fields=payment_collections.payments.id`, auth)
    const paymentId = data.order.payment_collections[0].payments[0].id as string
    expect((await expectStatus(api.post(`/admin/payments/${paymentId}/capture`, {}, auth))).status).toBeGreaterThanOrEqual(400)
    await getContainer().resolve(Modules.EVENT_BUS).emit({ name: "payment.captured", data: { id: paymentId } })
    // Every subscriber of what happened has run: nothing more is coming.
    await eventsSettled(getContainer())
    await retryInvoices(getContainer(), { graceMinutes: 0 })
    expect(await valueOf(orderId, me)).toEqual({ earned: [], invoices: [], certificate: 404 })
    expect((await loyalty().listLoyaltyAccounts({ customer_id: customerId }))[0]?.balance ?? 0).toBe(0)
    const asked = await expectStatus(api.get(`/store/orders/${orderId}/invoice`, me))
    expect([asked.status, asked.data.message]).toEqual([409, expect.stringMatching(/is cancelled; it gets no tax invoice/)])
  })
}
