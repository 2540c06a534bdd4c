import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { ShopSuite } from "../support/runner"
import { retryInvoices } from "../../src/jobs/retry-invoices"
import { financialYear, parseDocumentNumber } from "../../src/lib/tax-documents"
import { INVOICING_MODULE } from "../../src/modules/invoicing"
import type InvoicingModuleService from "../../src/modules/invoicing/service"
import type { TaxDocumentRow } from "../../src/modules/invoicing/service"
import { MESSAGING_MODULE } from "../../src/modules/messaging"
import type MessagingModuleService from "../../src/modules/messaging/service"
import type { S3Loopback } from "../support/s3-loopback"
import { eventsSettled, waitFor } from "../support/wait"
import { capturePayment, demoShop, expectStatus, pdfText, signedInCustomer, type Headers } from "./helpers"


/** Pieces priced as docs/pricing.md's examples 1 (ring) and 11 (bangle), and a 1 g coin for the many orders. */
const INTAKE = [
  "tag_code,category,metal,purity,gross_weight_g,net_weight_g,making_type,making_value,branch,quantity,huid,other_charges,wastage_percent,title,stock_unit",
  "INV-R-0001,rings,gold,916,8.350,8.350,per_gram,450,MUM,1,IV12CD,45,,Example ring,",
  "INV-R-0002,rings,gold,916,8.350,8.350,per_gram,450,MUM,1,,45,,Example ring (delivered),",
  "INV-R-0003,rings,gold,916,8.350,8.350,per_gram,450,MUM,1,,45,,Example ring (delivered),",
  "INV-B-0001,bangles,gold,916,18.000,18.000,per_gram,350,MUM,1,,,6,Example bangle,",
  "INV-C-0001,coins-bars,gold,999,1.000,1.000,flat,100,MUM,5,,,,Test coin 1 g,count",
].join("\n")

const MUMBAI = { first_name: "Meera", last_name: "Shah", address_1: "12 Kalbadevi Road", city: "Mumbai", province: "in-mh", postal_code: "400002", country_code: "in", phone: "+919820012345" }
const BENGALURU = { ...MUMBAI, address_1: "1 MG Road", city: "Bengaluru", province: "in-ka", postal_code: "560001" }

/** The suite, given the loopback S3 its spec points the app at (documents.spec.ts). */
export const invoicesSuite = (s3: S3Loopback): ShopSuite => ({ api, getContainer }) => {
  let auth: Headers
  let store: Headers
  let regionId: string
  const variants: Record<string, string> = {}
  const invoicing = () => getContainer().resolve<InvoicingModuleService>(INVOICING_MODULE)
  const fy = financialYear(new Date())
  let shopper: { id: string; me: Headers }
  let ringOrder: string
  const messages = () => getContainer().resolve<MessagingModuleService>(MESSAGING_MODULE).listMessages({ customer_id: shopper.id, event: "order_placed" })

  beforeAll(async () => {
    ;({ auth, store } = await demoShop(getContainer(), api, { payAtStore: true }))
    const imported = await api.post("/admin/jewelry/import", INTAKE, { headers: { ...auth.headers, "content-type": "text/csv" } })
    expect(imported.data.imported).toBe(5)
    for (const tag of ["INV-R-0001", "INV-R-0002", "INV-R-0003", "INV-B-0001", "INV-C-0001"]) {
      variants[tag] = (await api.get(`/admin/jewelry/tags/${tag}`, auth)).data.variant.id
    }
    regionId = (await api.get("/store/regions", store)).data.regions[0].id
    // The order most tests look at, placed once: every test starts again from the state this leaves.
    shopper = await signedInCustomer(api, store, { email: "meera.shah@example.in", password: "Invoice-pass-1", first_name: "Meera" })
    ringOrder = await place(shopper.me, await cart(shopper.me, "INV-R-0001"))
    await storedInvoice(ringOrder)
    await waitFor("the order message", async () => (await messages()).length > 0)
  })

  /** A cart of the Mumbai storefront with one piece, an address and pickup (or insured delivery): ready to pay. */
  async function cart(headers: Headers, tag: string, { delivery = false, address = MUMBAI, promo }: { delivery?: boolean; address?: typeof MUMBAI; promo?: string } = {}) {
    const ok = async (request: Promise<unknown>) => {
      const res = await expectStatus(request)
      if (res.status >= 300) {
        throw new Error(`${res.status}: ${JSON.stringify(res.data)}`)
      }
      return res.data
    }
    const created = await ok(api.post("/store/carts", { region_id: regionId, email: "meera.shah@example.in" }, headers))
    const id = created.cart.id as string
    await ok(api.post(`/store/carts/${id}/line-items`, { variant_id: variants[tag], quantity: 1 }, headers))
    await ok(api.post(`/store/carts/${id}`, { shipping_address: address, billing_address: address }, headers))
    const options = await ok(api.get(`/store/shipping-options?cart_id=${id}`, headers))
    const option = options.shipping_options.find((o: { name: string }) => o.name.startsWith("Pick up") !== delivery)
    await ok(api.post(`/store/carts/${id}/shipping-methods`, { option_id: option.id }, headers))
    if (promo) {
      await ok(api.post(`/store/carts/${id}/promotions`, { promo_codes: [promo] }, headers))
    }
    return id
  }
  /** Places the cart paying at the store and, unless told otherwise, staff take the payment (an invoice is for a paid order). */
  async function place(headers: Headers, cartId: string, { paid = true } = {}): Promise<string> {
    const { data: collection } = await api.post("/store/payment-collections", { cart_id: cartId }, headers)
    await api.post(`/store/payment-collections/${collection.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, headers)
    const done = await expectStatus(api.post(`/store/carts/${cartId}/complete`, {}, headers))
    expect([done.status, done.data.type]).toEqual([200, "order"])
    if (paid) {
      expect((await capturePayment(api, auth, done.data.order.id)).status).toBe(200)
    }
    return done.data.order.id as string
  }
  const invoiceOf = (orderId: string) => invoicing().getDocument({ order_id: orderId, type: "invoice" })
  const storedInvoice = (orderId: string) => waitFor(`the invoice of ${orderId}`, async () => ((await invoiceOf(orderId))?.file_id ? invoiceOf(orderId) : undefined))
  const download = (url: string, headers: Headers) =>
    expectStatus(api.get(url, { ...headers, responseType: "arraybuffer" })) as Promise<{ status: number; data: ArrayBuffer; headers: Record<string, string> }>

  it("invoices an order when it is paid: example 1 of the pricing rules, CGST + SGST at the Mumbai counter, a private PDF in S3", async () => {
    const invoice = (await invoiceOf(ringOrder))!
    expect(parseDocumentNumber(invoice.number)).toEqual(expect.objectContaining({ type: "invoice", branch_code: "MUM", fy }))
    expect(invoice.grand_total_paise).toBe(6623200)

    const object = s3.objects.get(invoice.file_id!)!
    expect([object.content_type, object.acl]).toEqual(["application/pdf", "private"])
    // Nobody gets the object from the bucket without a signature.
    const anonymous = await fetch(`${s3.origin}/${s3.bucket}/${invoice.file_id!.split("/").map(encodeURIComponent).join("/")}`)
    expect([anonymous.status, await anonymous.text()]).toEqual([403, expect.stringContaining("<Code>AccessDenied</Code>")])

    const res = await download(`/store/orders/${ringOrder}/invoice`, shopper.me)
    expect([res.status, res.headers["content-type"]]).toEqual([200, "application/pdf"])
    const text = await pdfText(res.data)
    expect(text).toContain("TAX INVOICE")
    expect(text).toContain(invoice.number)
    expect(text).toContain("GSTIN 27AAACJ1234M1ZM")
    expect(text).toContain("Maharashtra (27), at the counter")
    expect(text).toContain("HUID IV12CD")
    // Example 1: 7,245.50 × 8.350 g = 60,499.93; making 3,757.50; hallmark 45.00; taxable 64,302.43; 964.54 + 964.54; 66,231.51 → 66,232 (+0.49).
    expect(text).toContain("7113 22K 916 8.350 / 8.350 / 0.000 7,245.50 60,499.93 0.00 3,757.50 0.00 45.00 0.00 64,302.43 964.54 964.54 66,231.51")
    expect(text).toContain("Round off +0.49")
    expect(text).toContain("Grand total (Rs.) 66,232.00")
    expect(text).toContain("Rupees Sixty-Six Thousand Two Hundred Thirty-Two Only")
    expect(text).toMatch(/Paid by Paid at the store: 66,231\.5\d \(captured\)/)

    // The same invoice, once, however often the events come or staff ask.
    const { data: paid } = await api.get(`/admin/orders/${ringOrder}?fields=payment_collections.payments.id`, auth)
    await getContainer()
      .resolve(Modules.EVENT_BUS)
      .emit([
        { name: "order.placed", data: { id: ringOrder } },
        { name: "payment.captured", data: { id: paid.order.payment_collections[0].payments[0].id } },
      ])
    const again = await api.post(`/admin/orders/${ringOrder}/invoice`, {}, auth)
    expect([again.status, again.data.tax_document.number]).toEqual([200, invoice.number])
    expect((await invoicing().listOrderDocuments([ringOrder])).length).toBe(1)
    const { data: linked } = await getContainer()
      .resolve(ContainerRegistrationKeys.QUERY)
      .graph({ entity: "order", fields: ["id", "tax_documents.number"], filters: { id: ringOrder } })
    expect((linked[0] as unknown as { tax_documents: { number: string }[] }).tax_documents).toEqual([{ number: invoice.number, order_id: ringOrder }])
  })

  it("hands out presigned URLs that work and then expire, refuses other customers and strangers, and opens the signed link of the order message", async () => {
    const { data: link } = await api.get(`/admin/orders/${ringOrder}/invoice?format=url`, auth)
    expect(link.expires_in).toBe(2)
    const fresh = await fetch(link.url)
    expect([fresh.status, (await fresh.text()).slice(0, 5)]).toEqual([200, "%PDF-"])
    const tampered = await fetch(link.url.replace(/X-Amz-Signature=[0-9a-f]{4}/, "X-Amz-Signature=0000"))
    expect([tampered.status, await tampered.text()]).toEqual([403, expect.stringContaining("SignatureDoesNotMatch")])
    // Valid for 2 s: asked again until the loopback S3 says it has expired.
    const expired = await waitFor(
      "the presigned URL to expire",
      async () => {
        const res = await fetch(link.url)
        const text = await res.text()
        return res.status === 200 ? undefined : { status: res.status, text }
      },
      { interval: 200 }
    )
    expect([expired.status, expired.text]).toEqual([403, expect.stringContaining("Request has expired")])

    const stranger = await signedInCustomer(api, store, { email: "someone.else@example.in", password: "Invoice-pass-2", first_name: "Ravi" })
    expect((await download(`/store/orders/${ringOrder}/invoice`, stranger.me)).status).toBe(404)
    expect((await download(`/store/orders/${ringOrder}/invoice`, store)).status).toBe(401)
    expect((await download("/store/orders/order_01UNKNOWN/invoice", shopper.me)).status).toBe(404)
    expect((await expectStatus(api.get("/admin/orders/order_01UNKNOWN/invoice", auth))).status).toBe(404)
    const badFormat = await expectStatus(api.get(`/admin/orders/${ringOrder}/invoice?format=doc`, auth))
    expect([badFormat.status, badFormat.data.message]).toEqual([400, expect.stringMatching(/format/)])

    // The order confirmation carries {{invoice_link}}: it opens the PDF without a login, and only for that order.
    const [message] = await messages()
    const invoiceLink = (message.variables as Record<string, string>).invoice_link
    const path = new URL(invoiceLink).pathname + new URL(invoiceLink).search
    expect(path).toMatch(new RegExp(`^/documents/orders/${ringOrder}/invoice\\?expires=\\d+&signature=`))
    const opened = await download(path, { headers: {} })
    expect([opened.status, (await pdfText(opened.data)).includes("64,302.43")]).toEqual([200, true])
    const otherOrder = await download(path.replace(ringOrder, "order_01OTHER"), { headers: {} })
    expect(otherOrder.status).toBe(403)
  })

  it("splits IGST for a delivery to another state and shows an offer (examples 2 and 11), with the delivery charge taxed alongside", async () => {
    const delivered = await place(store, await cart(store, "INV-R-0002", { delivery: true, address: BENGALURU }))
    const text = await pdfText((await download(`/admin/orders/${delivered}/invoice`, auth)).data)
    expect(text).toContain("Karnataka (29), delivery")
    // Example 2: IGST 1,929.07, 66,231.50; then insured delivery 500.00 + IGST 15.00; 66,746.50 → 66,747 (+0.50).
    expect(text).toContain("60,499.93 0.00 3,757.50 0.00 45.00 0.00 64,302.43 1,929.07 66,231.50")
    expect(text).toContain("9968 0.00 500.00 15.00 515.00")
    expect(text).toContain("Grand total (Rs.) 66,747.00")
    expect(text).toContain("Rupees Sixty-Six Thousand Seven Hundred Forty-Seven Only")

    await api.post(
      "/admin/promotions",
      {
        code: "INV2000",
        type: "standard",
        status: "active",
        is_automatic: false,
        application_method: { type: "fixed", target_type: "order", allocation: "across", value: 2000, currency_code: "inr" },
      },
      auth
    )
    const offered = await place(store, await cart(store, "INV-B-0001", { promo: "INV2000" }))
    const bangle = await pdfText((await download(`/admin/orders/${offered}/invoice`, auth)).data)
    // Example 11: 7,245.50 × 18.000 g = 1,30,419.00; wastage 6 % 7,825.14; making 6,300.00; offer −2,000.00; taxable 1,42,544.14; 2,138.16 each; 1,46,820.46 → 1,46,820.
    expect(bangle).toContain("7,245.50 1,30,419.00 7,825.14 6,300.00 0.00 0.00 2,000.00 1,42,544.14 2,138.16 2,138.16 1,46,820.46")
    expect(bangle).toContain("Round off -0.46")
    expect(bangle).toContain("Rupees One Lakh Forty-Six Thousand Eight Hundred Twenty Only")
    expect(bangle).toContain("Offer INV2000: 2,060.00 incl. GST")

    // Loyalty points (a tax-inclusive promotion): ₹300 off the bill is 300 / 1.03 = 291.26 off the taxable value.
    await api.post(`/admin/loyalty/customers/${shopper.id}/adjust`, { points: 300, idempotency_key: `invoice-points-${shopper.id}`, reason: "opening balance" }, auth)
    // Another article of the same make: a piece is sold once.
    const pointsCart = await cart(shopper.me, "INV-R-0003")
    await api.post(`/store/carts/${pointsCart}/loyalty/redeem`, { points: 300 }, shopper.me)
    const withPoints = await pdfText((await download(`/admin/orders/${await place(shopper.me, pointsCart)}/invoice`, auth)).data)
    // 64,302.43 − 291.26 = 64,011.17; 960.17 + 960.17; 65,931.51 → 65,932 (+0.49).
    expect(withPoints).toContain("60,499.93 0.00 3,757.50 0.00 45.00 291.26 64,011.17 960.17 960.17 65,931.51")
    expect(withPoints).toMatch(/Loyalty points \(POINTS-[A-Z0-9-]+\): 300\.00 incl\. GST/)
    expect(withPoints).toContain("Grand total (Rs.) 65,932.00")
  })

  it("issues a credit note in its own series when a return is received, against the invoice and at its amounts", async () => {
    const orders = getContainer().resolve(Modules.ORDER)
    const [order] = await orders.listOrders({ id: ringOrder }, { relations: ["items"] })
    const ret = await orders.createReturns({
      order_id: ringOrder,
      status: "received",
      items: [{ item_id: order.items![0].id, quantity: 1, received_quantity: 1 } as unknown as { id: string; quantity: number }],
    } as unknown as Parameters<typeof orders.createReturns>[0])
    const returnId = (Array.isArray(ret) ? ret[0] : ret).id
    await getContainer().resolve(Modules.EVENT_BUS).emit({ name: "order.return_received", data: { order_id: ringOrder, return_id: returnId } })
    const note = await waitFor("the credit note", async () => (await invoicing().listOrderDocuments([ringOrder])).find((d) => d.type === "credit_note" && d.file_id))
    const invoice = (await invoiceOf(ringOrder))!
    expect(parseDocumentNumber(note.number)).toEqual({ type: "credit_note", branch_code: "MUM", fy, sequence: 1 })
    expect([note.against_id, note.return_id, note.grand_total_paise]).toEqual([invoice.id, returnId, 6623200])

    const text = await pdfText((await download(`/admin/tax-documents/${note.id}`, auth)).data)
    expect(text).toContain("CREDIT NOTE")
    expect(text).toContain(`Against invoice ${invoice.number}`)
    expect(text).toContain("64,302.43 964.54 964.54 66,231.51")
    expect(text).toContain("Credit total (Rs.) 66,232.00")

    const replay = await api.post(`/admin/orders/${ringOrder}/credit-notes`, { return_id: returnId }, auth)
    expect([replay.status, replay.data.tax_document.number]).toEqual([200, note.number])
    const { data: listed } = await api.get(`/admin/orders/${ringOrder}/credit-notes`, auth)
    expect([listed.invoice.number, listed.credit_notes.map((d: { number: string }) => d.number)]).toEqual([invoice.number, [note.number]])
    const unknown = await expectStatus(api.post(`/admin/orders/${ringOrder}/credit-notes`, { return_id: "return_01UNKNOWN" }, auth))
    expect(unknown.status).toBe(404)
    const missing = await expectStatus(api.post(`/admin/orders/${ringOrder}/credit-notes`, {}, auth))
    expect([missing.status, missing.data.message]).toEqual([400, expect.stringMatching(/return_id/)])
  })

  it("invoices the piece a customer takes in an exchange once the difference is paid, beside the order's invoice, and credits the piece given back against it", async () => {
    const ok = async (request: Promise<unknown>) => {
      const res = await expectStatus(request)
      if (res.status >= 300) {
        throw new Error(`${res.status}: ${JSON.stringify(res.data)}`)
      }
      return res.data
    }
    // A 1 g coin bought and paid, then brought back at the counter for the bangle.
    const coinOrder = await place(shopper.me, await cart(shopper.me, "INV-C-0001"))
    const coinInvoice = await storedInvoice(coinOrder)
    const { order } = await ok(api.get(`/admin/orders/${coinOrder}?fields=id,items.id`, auth))
    await ok(api.post(`/admin/orders/${coinOrder}/fulfillments`, { items: [{ id: order.items[0].id, quantity: 1 }] }, auth))
    const { exchange } = await ok(api.post("/admin/exchanges", { order_id: coinOrder }, auth))
    await ok(api.post(`/admin/exchanges/${exchange.id}/inbound/items`, { items: [{ id: order.items[0].id, quantity: 1 }] }, auth))
    await ok(api.post(`/admin/exchanges/${exchange.id}/outbound/items`, { items: [{ variant_id: variants["INV-B-0001"], quantity: 1 }] }, auth))
    await ok(api.post(`/admin/exchanges/${exchange.id}/request`, {}, auth))
    await eventsSettled(getContainer())

    // The bangle is worth more than the coin: until the difference is paid, no invoice for it (value only when paid).
    const exchangeInvoice = () => invoicing().getDocument({ order_id: coinOrder, type: "invoice", exchange_id: exchange.id })
    expect(await exchangeInvoice()).toBeUndefined()
    expect((await retryInvoices(getContainer(), { graceMinutes: 0 })).failed).toEqual([])
    expect(await exchangeInvoice()).toBeUndefined()
    const { order: owing } = await ok(api.get(`/admin/orders/${coinOrder}?fields=id,payment_collections.id,payment_collections.status,payment_collections.amount`, auth))
    const due = owing.payment_collections.find((c: { status: string }) => c.status === "not_paid")
    await ok(api.post(`/admin/payment-collections/${due.id}/mark-as-paid`, { order_id: coinOrder }, auth))

    const invoice = await waitFor("the exchange's invoice", async () => ((await exchangeInvoice())?.file_id ? exchangeInvoice() : undefined))
    expect(parseDocumentNumber(invoice.number)).toEqual(expect.objectContaining({ type: "invoice", branch_code: "MUM", fy, sequence: parseDocumentNumber(coinInvoice.number)!.sequence + 1 }))
    expect(invoice.body.lines.map((l) => l.tag_code)).toEqual(["INV-B-0001"])
    expect(invoice.body.exchange).toEqual({ id: exchange.id, display_id: exchange.display_id })
    // Paid by the difference and, for the rest, the coin's value: together the invoice's total to the paisa.
    const credit = invoice.body.tenders.find((t) => t.label.startsWith("Exchange credit"))!
    expect(invoice.body.tendered).toBe(invoice.grand_total_paise)
    expect(Math.abs(credit.amount - coinInvoice.grand_total_paise)).toBeLessThanOrEqual(100)
    expect(invoice.body.tenders.filter((t) => t !== credit).map((t) => t.status)).toEqual(["captured"])
    // The order's own invoice is unchanged: the coin, once.
    expect((await invoiceOf(coinOrder))!.body.lines.map((l) => l.tag_code)).toEqual(["INV-C-0001"])

    // The coin received back: its credit note is against the order's invoice, not the exchange's.
    const { order: withReturn } = await ok(api.get(`/admin/orders/${coinOrder}?fields=id,returns.id,returns.items.item_id`, auth))
    const returnId = withReturn.returns[0].id as string
    await ok(api.post(`/admin/returns/${returnId}/receive`, {}, auth))
    await ok(api.post(`/admin/returns/${returnId}/receive-items`, { items: [{ id: order.items[0].id, quantity: 1 }] }, auth))
    await ok(api.post(`/admin/returns/${returnId}/receive/confirm`, {}, auth))
    const note = await waitFor("the coin's credit note", async () => (await invoicing().listOrderDocuments([coinOrder])).find((d) => d.type === "credit_note"))
    expect([note.against_id, note.body.lines.map((l) => l.tag_code)]).toEqual([coinInvoice.id, ["INV-C-0001"]])

    const text = await pdfText((await download(`/admin/tax-documents/${invoice.id}`, auth)).data)
    expect(text).toContain("TAX INVOICE")
    expect(text).toContain(`Pieces taken in exchange #${exchange.display_id}`)
    expect(text).toMatch(/Exchange credit \(piece returned\): [\d,]+\.\d\d \(credited\)/)
    const { data: listed } = await api.get(`/admin/orders/${coinOrder}/credit-notes`, auth)
    expect([listed.invoice.number, listed.exchange_invoices.map((d: { number: string }) => d.number), listed.credit_notes.map((d: { number: string }) => d.number)]).toEqual([
      coinInvoice.number,
      [invoice.number],
      [note.number],
    ])
    // Once per exchange, however often the events come or the job runs.
    await getContainer().resolve(Modules.EVENT_BUS).emit({ name: "order.exchange_created", data: { order_id: coinOrder, exchange_id: exchange.id } })
    await eventsSettled(getContainer())
    await retryInvoices(getContainer(), { graceMinutes: 0 })
    expect((await invoicing().listOrderDocuments([coinOrder])).filter((d) => d.type === "invoice").length).toBe(2)
    // An exchange whose invoice the subscriber could not issue gets it from the retry job, with the same number.
    expect(await invoicing().withdrawDocument(invoice.id)).toBe(true)
    const retried = await retryInvoices(getContainer(), { graceMinutes: 0 })
    expect(retried.failed).toEqual([])
    expect((await exchangeInvoice())?.number).toBe(invoice.number)
  })

  it("never blocks an order while S3 is unreachable: the invoice keeps its number, answers 503, and the retry job stores it when S3 is back", async () => {
    const port = Number(new URL(s3.origin).port)
    await s3.stop()
    const orderId = await place(store, await cart(store, "INV-C-0001"))
    const failed = await waitFor("the failed upload", async () => {
      const doc = await invoiceOf(orderId)
      return doc?.file_status === "failed" ? doc : undefined
    })
    expect([failed.file_id, failed.file_attempts, failed.file_error]).toEqual([null, 1, expect.stringMatching(/ECONNREFUSED|connect/)])
    const unavailable = await expectStatus(api.get(`/admin/orders/${orderId}/invoice`, auth))
    expect([unavailable.status, unavailable.data.message]).toEqual([503, expect.stringContaining(`Invoice ${failed.number} is issued, but its PDF cannot be fetched now`)])

    await s3.start(port)
    // Not due yet: the job leaves it for its back-off.
    expect((await retryInvoices(getContainer(), { graceMinutes: 0 })).stored).toBe(0)
    await invoicing().updateTaxDocuments({ id: failed.id, next_attempt_at: new Date(Date.now() - 1000) })
    expect(await retryInvoices(getContainer(), { graceMinutes: 0 })).toEqual({ stored: 1, invoiced: 0, credited: 0, failed: [] })
    const stored = (await invoiceOf(orderId))!
    expect([stored.number, stored.file_status, stored.file_error]).toEqual([failed.number, "stored", null])
    expect((await download(`/admin/orders/${orderId}/invoice`, auth)).status).toBe(200)

    // An order whose invoice could not be issued at all (when its payment was taken) is invoiced by the job.
    const lost = await place(store, await cart(store, "INV-C-0001"), { paid: false })
    // Every subscriber of its placing has run: an invoice, were one coming, would be there.
    await eventsSettled(getContainer())
    expect(await invoiceOf(lost)).toBeUndefined()
    const issue = jest.spyOn(invoicing(), "issueDocument").mockRejectedValueOnce(new Error("the database went away"))
    expect((await capturePayment(api, auth, lost)).status).toBe(200)
    await waitFor("the failed issue", async () => issue.mock.calls.length > 0)
    issue.mockRestore()
    // The subscriber that failed has ended, and nothing retried the issue behind the job's back.
    await eventsSettled(getContainer())
    expect(await invoiceOf(lost)).toBeUndefined()
    expect(await retryInvoices(getContainer(), { graceMinutes: 0 })).toEqual({ stored: 0, invoiced: 1, credited: 0, failed: [] })
    expect((await invoiceOf(lost))?.file_status).toBe("stored")
  })

  it("numbers 20 orders placed at once without a gap or a repeat, while staff ask for the same invoices", async () => {
    // Twenty Mumbai orders of the coin, announced at once: twenty invoice workflows race for the branch's series.
    const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
    const { data: branches } = await query.graph({ entity: "branch", fields: ["sales_channel.id"], filters: { code: "MUM" } })
    const { data: pieces } = await query.graph({ entity: "product_variant", fields: ["id", "title", "jewelry_attributes.breakdown"], filters: { id: variants["INV-C-0001"] } })
    const coin = pieces[0] as unknown as { id: string; title: string; jewelry_attributes: { breakdown: { taxable_value: number } } }
    const created = await getContainer()
      .resolve(Modules.ORDER)
      .createOrders(
        Array.from({ length: 20 }, (_, i) => ({
          region_id: regionId,
          sales_channel_id: (branches[0] as unknown as { sales_channel: { id: string } }).sales_channel.id,
          email: `many-${i}@example.in`,
          currency_code: "inr",
          items: [{ title: coin.title, variant_id: coin.id, quantity: 1, unit_price: coin.jewelry_attributes.breakdown.taxable_value / 100 }],
        }))
      )
    const orderIds = created.map((o) => o.id)
    const bus = getContainer().resolve(Modules.EVENT_BUS)
    const [pressed] = await Promise.all([
      // Staff press "issue" on the same orders while the subscriber issues them.
      Promise.all(orderIds.map((id) => api.post(`/admin/orders/${id}/invoice`, {}, auth))),
      bus.emit(orderIds.map((id) => ({ name: "order.placed", data: { id } }))),
    ])
    const invoices = await Promise.all(orderIds.map((id) => storedInvoice(id)))
    expect(pressed.map((r) => r.data.tax_document.number).sort()).toEqual(invoices.map((d) => d.number).sort())
    expect(new Set(invoices.map((d) => d.number)).size).toBe(20)
    expect(invoices.every((d) => d.body.lines[0].basis === "breakdown")).toBe(true)

    const { documents, count } = await invoicing().listRegister({ type: "invoice", branch_code: "MUM", financial_year: fy, limit: 100, offset: 0 })
    const sequences = documents.map((d: TaxDocumentRow) => d.sequence).sort((a, b) => a - b)
    expect(sequences).toEqual(Array.from({ length: count }, (_, i) => i + 1))
    const [counter] = await invoicing().listTaxDocumentCounters({ series: `invoice:MUM:${fy}` })
    expect(counter.last_sequence).toBe(count)

    const { data: page } = await api.get(`/admin/tax-documents?type=invoice&branch_code=mum&financial_year=${fy}&limit=5&offset=5`, auth)
    expect([page.count, page.tax_documents.length, page.tax_documents[0].number]).toEqual([count, 5, documents[5].number])
    const badYear = await expectStatus(api.get("/admin/tax-documents?financial_year=2026", auth))
    expect([badYear.status, badYear.data.message]).toEqual([400, expect.stringMatching(/2026-27/)])
  })
}
