import { randomBytes } from "node:crypto"
import type http from "node:http"
import { razorpayHmac } from "../../src/lib/razorpay"
import { LoopbackServer } from "./loopback-server"

type Notes = Record<string, string>

export type LoopbackOrder = {
  id: string
  entity: "order"
  amount: number
  amount_paid: number
  amount_due: number
  currency: string
  receipt: string | null
  offer_id: null
  status: "created" | "attempted" | "paid"
  attempts: number
  notes: Notes | []
  created_at: number
  /** Not part of Razorpay's answer: how the order's payments are captured. */
  capture: "automatic" | "manual"
}

export type LoopbackPayment = {
  id: string
  entity: "payment"
  amount: number
  currency: string
  status: "created" | "authorized" | "captured" | "refunded" | "failed"
  order_id: string | null
  invoice_id: null
  international: boolean
  method: string
  amount_refunded: number
  refund_status: null | "partial" | "full"
  captured: boolean
  description: string | null
  email: string
  contact: string
  notes: Notes | []
  fee: number | null
  tax: number | null
  error_code: string | null
  error_description: string | null
  error_source: string | null
  error_step: string | null
  error_reason: string | null
  created_at: number
}

export type LoopbackRefund = {
  id: string
  entity: "refund"
  amount: number
  currency: string
  payment_id: string
  notes: Notes | []
  receipt: string | null
  acquirer_data: Record<string, unknown>
  created_at: number
  batch_id: null
  status: "processed"
  speed_processed: "normal"
  speed_requested: "normal"
}

export type LoopbackPaymentLink = {
  id: string
  entity?: undefined
  amount: number
  amount_paid: number
  currency: string
  accept_partial: boolean
  description: string | null
  customer: { name?: string; email?: string; contact?: string }
  notify: { sms: boolean; email: boolean }
  reminder_enable: boolean
  notes: Notes | []
  reference_id: string | null
  short_url: string
  status: "created" | "partially_paid" | "paid" | "cancelled" | "expired"
  expire_by: number
  created_at: number
  payments: { payment_id: string; amount: number; status: string }[] | null
}

export type LoopbackEvent = { id: string; event: string; body: string }

/** A forced error answer; with `route` (e.g. "GET /v1/payments/pay_:id") only a request to that route takes it. */
type Failure = { status: number; code: string; description: string; route?: string }

const now = () => Math.floor(Date.now() / 1000)
const rid = (prefix: string) => `${prefix}_${randomBytes(7).toString("base64url").replace(/[-_]/g, "x").slice(0, 14)}`

/**
 * A loopback server speaking the part of Razorpay's REST API the shop uses:
 * orders, payments (authorize/capture, partial capture, one capture a
 * payment), refunds (partial and full, never above what was captured),
 * payment links; basic auth with the key id and secret; Razorpay's error
 * JSON ({ error: { code, description, source, step, reason, metadata } })
 * and status codes. Switches answer 5xx, stall past the client's timeout or
 * take the whole service down. What Razorpay's checkout widget does on the
 * customer's phone is `checkout()`/`payLink()`; the events Razorpay would
 * send are recorded and delivered, signed, when a test asks.
 */
export class RazorpayLoopback extends LoopbackServer {
  readonly keyId = `rzp_test_${randomBytes(7).toString("hex")}`
  readonly keySecret = randomBytes(12).toString("hex")
  readonly webhookSecret = randomBytes(12).toString("hex")
  readonly accountId = `acc_${randomBytes(7).toString("hex")}`
  readonly orders = new Map<string, LoopbackOrder>()
  readonly payments = new Map<string, LoopbackPayment>()
  readonly refunds = new Map<string, LoopbackRefund>()
  readonly links = new Map<string, LoopbackPaymentLink>()
  /** Every event Razorpay would have sent, oldest first. */
  readonly events: LoopbackEvent[] = []
  /** Answers for the next requests, before anything is done (e.g. a 500, a 429). */
  readonly failNext: Failure[] = []
  /** The next N requests are held this long before being answered (longer than the client waits). */
  stallNext = 0
  stallMs = 8000
  /** Every request answers 503 while set. */
  down = false
  requests: { method: string; path: string; body: unknown }[] = []

  private error(res: http.ServerResponse, status: number, code: string, description: string, field?: string) {
    this.reply(res, status, {
      error: { code, description, source: "business", step: "payment_initiation", reason: "input_validation_failed", metadata: {}, ...(field ? { field } : {}) },
    })
  }

  protected async handle(req: http.IncomingMessage, res: http.ServerResponse, raw: string) {
    const url = new URL(req.url ?? "/", "http://loopback")
    const path = url.pathname.replace(/\/+$/, "")
    const method = req.method ?? "GET"
    let body: Record<string, any> = {}
    if (raw) {
      try {
        body = JSON.parse(raw)
      } catch {
        return this.error(res, 400, "BAD_REQUEST_ERROR", "The request body is not valid JSON")
      }
    }
    // The checkout widget a storefront loads in the browser, and what it does when the customer pays.
    if (method === "GET" && path === "/v1/checkout.js") {
      return this.checkoutScript(res)
    }
    if (path === "/v1/checkout/pay") {
      return this.checkoutPay(res, method, body)
    }
    this.requests.push({ method, path, body })
    const expected = `Basic ${Buffer.from(`${this.keyId}:${this.keySecret}`).toString("base64")}`
    if (req.headers.authorization !== expected) {
      return this.error(res, 401, "BAD_REQUEST_ERROR", "Authentication failed")
    }
    if (this.stallNext > 0) {
      this.stallNext -= 1
      await new Promise((r) => setTimeout(r, this.stallMs))
    }
    if (this.down) {
      return this.error(res, 503, "SERVER_ERROR", "The server is currently unavailable. Please try again later.")
    }
    const route = `${method} ${path.replace(/\/(order|pay|rfnd|plink)_[A-Za-z0-9]+/g, "/$1_:id")}`
    // A failure aimed at one route is left for it: the app's own background calls do not take it.
    const at = this.failNext.findIndex((f) => !f.route || f.route === route)
    if (at >= 0) {
      const [forced] = this.failNext.splice(at, 1)
      return this.error(res, forced.status, forced.code, forced.description)
    }
    const id = (prefix: string) => path.split("/").find((p) => p.startsWith(`${prefix}_`)) ?? ""
    switch (route) {
      case "POST /v1/orders":
        return this.createOrder(res, body)
      case "GET /v1/orders/order_:id":
        return this.withOrder(res, id("order"), (o) => this.reply(res, 200, this.orderView(o)))
      case "PATCH /v1/orders/order_:id":
        return this.withOrder(res, id("order"), (o) => {
          o.notes = { ...(Array.isArray(o.notes) ? {} : o.notes), ...(body.notes ?? {}) }
          this.reply(res, 200, this.orderView(o))
        })
      case "GET /v1/orders/order_:id/payments":
        return this.withOrder(res, id("order"), (o) => {
          const items = [...this.payments.values()].filter((p) => p.order_id === o.id)
          this.reply(res, 200, { entity: "collection", count: items.length, items })
        })
      case "GET /v1/payments/pay_:id":
        return this.withPayment(res, id("pay"), (p) => this.reply(res, 200, p))
      case "PATCH /v1/payments/pay_:id":
        return this.withPayment(res, id("pay"), (p) => {
          p.notes = { ...(Array.isArray(p.notes) ? {} : p.notes), ...(body.notes ?? {}) }
          this.reply(res, 200, p)
        })
      case "POST /v1/payments/pay_:id/capture":
        return this.withPayment(res, id("pay"), (p) => this.capture(res, p, body))
      case "POST /v1/payments/pay_:id/refund":
        return this.withPayment(res, id("pay"), (p) => this.refund(res, p, body))
      case "GET /v1/payments/pay_:id/refunds":
        return this.withPayment(res, id("pay"), (p) => {
          const items = [...this.refunds.values()].filter((r) => r.payment_id === p.id)
          this.reply(res, 200, { entity: "collection", count: items.length, items })
        })
      case "GET /v1/payments/pay_:id/refunds/rfnd_:id": {
        const refund = this.refunds.get(id("rfnd"))
        return refund && refund.payment_id === id("pay")
          ? this.reply(res, 200, refund)
          : this.error(res, 400, "BAD_REQUEST_ERROR", "The id provided does not exist")
      }
      case "POST /v1/payment_links":
        return this.createLink(res, body)
      case "GET /v1/payment_links/plink_:id":
        return this.withLink(res, id("plink"), (l) => this.reply(res, 200, l))
      case "POST /v1/payment_links/plink_:id/cancel":
        return this.withLink(res, id("plink"), (l) => {
          if (l.status !== "created" && l.status !== "partially_paid") {
            return this.error(res, 400, "BAD_REQUEST_ERROR", `Payment Link cannot be cancelled as it is already ${l.status}`)
          }
          l.status = "cancelled"
          this.reply(res, 200, l)
        })
      default:
        return this.error(res, 404, "BAD_REQUEST_ERROR", "The requested URL was not found on the server.")
    }
  }

  private orderView(o: LoopbackOrder) {
    const { capture: _capture, ...view } = o
    return view
  }

  private withOrder(res: http.ServerResponse, orderId: string, then: (o: LoopbackOrder) => void) {
    const order = this.orders.get(orderId)
    return order ? then(order) : this.error(res, 400, "BAD_REQUEST_ERROR", "The id provided does not exist")
  }

  private withPayment(res: http.ServerResponse, paymentId: string, then: (p: LoopbackPayment) => void) {
    const payment = this.payments.get(paymentId)
    return payment ? then(payment) : this.error(res, 400, "BAD_REQUEST_ERROR", "The id provided does not exist")
  }

  private withLink(res: http.ServerResponse, linkId: string, then: (l: LoopbackPaymentLink) => void) {
    const link = this.links.get(linkId)
    return link ? then(link) : this.error(res, 400, "BAD_REQUEST_ERROR", "The id provided does not exist")
  }

  private createOrder(res: http.ServerResponse, body: Record<string, any>) {
    if (!Number.isInteger(body.amount)) {
      return this.error(res, 400, "BAD_REQUEST_ERROR", "The amount must be an integer.", "amount")
    }
    if (body.amount < 100) {
      return this.error(res, 400, "BAD_REQUEST_ERROR", "Order amount less than minimum amount allowed", "amount")
    }
    if (typeof body.currency !== "string" || body.currency.length !== 3) {
      return this.error(res, 400, "BAD_REQUEST_ERROR", "The currency field is required.", "currency")
    }
    if (body.receipt && String(body.receipt).length > 40) {
      return this.error(res, 400, "BAD_REQUEST_ERROR", "receipt: the length must be no more than 40.", "receipt")
    }
    const order: LoopbackOrder = {
      id: rid("order"),
      entity: "order",
      amount: body.amount,
      amount_paid: 0,
      amount_due: body.amount,
      currency: body.currency,
      receipt: body.receipt ?? null,
      offer_id: null,
      status: "created",
      attempts: 0,
      notes: body.notes && Object.keys(body.notes).length ? body.notes : [],
      created_at: now(),
      capture: body.payment?.capture === "manual" ? "manual" : "automatic",
    }
    this.orders.set(order.id, order)
    this.reply(res, 200, this.orderView(order))
  }

  private capture(res: http.ServerResponse, p: LoopbackPayment, body: Record<string, any>) {
    if (p.status === "captured" || p.status === "refunded") {
      return this.error(res, 400, "BAD_REQUEST_ERROR", "This payment has already been captured")
    }
    if (p.status !== "authorized") {
      return this.error(res, 400, "BAD_REQUEST_ERROR", "Only payments which have been authorized and not yet captured can be captured")
    }
    if (!Number.isInteger(body.amount) || body.amount <= 0) {
      return this.error(res, 400, "BAD_REQUEST_ERROR", "The amount must be an integer.", "amount")
    }
    if (body.amount > p.amount) {
      return this.error(res, 400, "BAD_REQUEST_ERROR", "Capture amount must be equal to or less than the amount authorized", "amount")
    }
    if (body.currency && body.currency !== p.currency) {
      return this.error(res, 400, "BAD_REQUEST_ERROR", "Currency should be same as that of the payment", "currency")
    }
    // A partial capture releases the rest of the authorisation: the payment is worth what was captured.
    p.amount = body.amount
    p.status = "captured"
    p.captured = true
    p.fee = Math.round(p.amount * 0.02)
    p.tax = Math.round(p.fee * 0.18)
    this.paidOrder(p)
    this.record("payment.captured", { payment: p })
    this.reply(res, 200, p)
  }

  private refund(res: http.ServerResponse, p: LoopbackPayment, body: Record<string, any>) {
    if (!p.captured) {
      return this.error(res, 400, "BAD_REQUEST_ERROR", "The payment has not been captured")
    }
    const amount = body.amount === undefined ? p.amount - p.amount_refunded : body.amount
    if (!Number.isInteger(amount) || amount <= 0) {
      return this.error(res, 400, "BAD_REQUEST_ERROR", "The amount must be an integer.", "amount")
    }
    if (amount > p.amount - p.amount_refunded) {
      return this.error(res, 400, "BAD_REQUEST_ERROR", "The refund amount provided is greater than amount captured", "amount")
    }
    const refund = this.addRefund(p, amount, { notes: body.notes && Object.keys(body.notes).length ? body.notes : [], receipt: body.receipt ?? null })
    this.record("refund.created", { refund, payment: p })
    this.record("refund.processed", { refund, payment: p })
    this.reply(res, 200, refund)
  }

  private createLink(res: http.ServerResponse, body: Record<string, any>) {
    if (!Number.isInteger(body.amount) || body.amount < 100) {
      return this.error(res, 400, "BAD_REQUEST_ERROR", "The amount must be atleast INR 1.00", "amount")
    }
    if (body.reference_id && [...this.links.values()].some((l) => l.reference_id === body.reference_id && l.status !== "cancelled")) {
      return this.error(res, 400, "BAD_REQUEST_ERROR", `Payment Link with reference id ${body.reference_id} already exists`, "reference_id")
    }
    const contact = body.customer?.contact
    if (contact !== undefined && !/^\+?\d{8,15}$/.test(String(contact))) {
      return this.error(res, 400, "BAD_REQUEST_ERROR", "Contact number should be at least 8 digits, including country code", "contact")
    }
    const link: LoopbackPaymentLink = {
      id: rid("plink"),
      amount: body.amount,
      amount_paid: 0,
      currency: body.currency ?? "INR",
      accept_partial: !!body.accept_partial,
      description: body.description ?? null,
      customer: body.customer ?? {},
      notify: { sms: !!body.notify?.sms, email: !!body.notify?.email },
      reminder_enable: !!body.reminder_enable,
      notes: body.notes && Object.keys(body.notes).length ? body.notes : [],
      reference_id: body.reference_id ?? null,
      short_url: `https://rzp.io/rzp/${randomBytes(5).toString("hex")}`,
      status: "created",
      expire_by: body.expire_by ?? now() + 30 * 86400,
      created_at: now(),
      payments: null,
    }
    this.links.set(link.id, link)
    this.reply(res, 200, link)
  }

  /** A processed refund of `amount` on a captured payment, and the payment's refund state after it. */
  private addRefund(payment: LoopbackPayment, amount: number, extra: Pick<LoopbackRefund, "notes" | "receipt">): LoopbackRefund {
    const refund: LoopbackRefund = {
      id: rid("rfnd"),
      entity: "refund",
      amount,
      currency: payment.currency,
      payment_id: payment.id,
      ...extra,
      acquirer_data: { arn: null },
      created_at: now(),
      batch_id: null,
      status: "processed",
      speed_processed: "normal",
      speed_requested: "normal",
    }
    this.refunds.set(refund.id, refund)
    payment.amount_refunded += amount
    payment.refund_status = payment.amount_refunded === payment.amount ? "full" : "partial"
    if (payment.amount_refunded === payment.amount) {
      payment.status = "refunded"
    }
    return refund
  }

  /** A payment of an order as Razorpay records it, with what differs given. */
  private addPayment(order: LoopbackOrder, fields: Partial<LoopbackPayment>): LoopbackPayment {
    const payment: LoopbackPayment = {
      id: rid("pay"),
      entity: "payment",
      amount: order.amount,
      currency: order.currency,
      status: "authorized",
      order_id: order.id,
      invoice_id: null,
      international: false,
      method: "upi",
      amount_refunded: 0,
      refund_status: null,
      captured: false,
      description: null,
      email: "kiran.rao@example.in",
      contact: "+919820055555",
      notes: [],
      fee: null,
      tax: null,
      error_code: null,
      error_description: null,
      error_source: null,
      error_step: null,
      error_reason: null,
      created_at: now(),
      ...fields,
    }
    this.payments.set(payment.id, payment)
    return payment
  }

  private paidOrder(p: LoopbackPayment) {
    const order = p.order_id ? this.orders.get(p.order_id) : undefined
    if (order && order.status !== "paid") {
      order.amount_paid = p.amount
      order.amount_due = 0
      order.status = "paid"
      this.record("order.paid", { payment: p, order: this.orderView(order) })
    }
  }

  private record(event: string, entities: Record<string, unknown>) {
    const body = JSON.stringify({
      entity: "event",
      account_id: this.accountId,
      event,
      contains: Object.keys(entities),
      payload: Object.fromEntries(Object.entries(entities).map(([k, v]) => [k, { entity: JSON.parse(JSON.stringify(v)) }])),
      created_at: now(),
    })
    this.events.push({ id: `evt_${randomBytes(7).toString("hex")}`, event, body })
  }

  /**
   * What the checkout widget does when the customer pays an order: a
   * payment (captured at once unless the order asked for manual capture,
   * or failed), the events Razorpay sends, and the handler's three values.
   */
  checkout(orderId: string, { fail = false, method = "upi" }: { fail?: boolean; method?: string } = {}) {
    const order = this.orders.get(orderId)
    if (!order) {
      throw new Error(`no Razorpay order ${orderId}`)
    }
    order.attempts += 1
    order.status = order.status === "paid" ? "paid" : "attempted"
    const payment = this.addPayment(order, {
      status: fail ? "failed" : "authorized",
      method,
      ...(fail
        ? {
            error_code: "BAD_REQUEST_ERROR",
            error_description: "Payment failed because the UPI PIN was incorrect",
            error_source: "customer",
            error_step: "payment_authorization",
            error_reason: "incorrect_pin",
          }
        : {}),
    })
    if (fail) {
      this.record("payment.failed", { payment })
      return { razorpay_order_id: order.id, razorpay_payment_id: payment.id, razorpay_signature: null as string | null }
    }
    this.record("payment.authorized", { payment })
    if (order.capture === "automatic") {
      payment.status = "captured"
      payment.captured = true
      this.record("payment.captured", { payment })
      this.paidOrder(payment)
    }
    return {
      razorpay_order_id: order.id,
      razorpay_payment_id: payment.id,
      razorpay_signature: razorpayHmac(`${order.id}|${payment.id}`, this.keySecret) as string | null,
    }
  }

  /**
   * A stand-in for Razorpay's checkout.js: `new Razorpay(options).open()`
   * pays the order at once (as a customer paying by UPI would) and calls
   * `options.handler` with the three values Razorpay's widget hands over.
   */
  private checkoutScript(res: http.ServerResponse) {
    const origin = this.origin
    const script = `window.Razorpay = function (options) {
  this.open = function () {
    fetch(${JSON.stringify(`${origin}/v1/checkout/pay`)}, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ key: options.key, order_id: options.order_id }) })
      .then(function (r) { return r.json() })
      .then(function (paid) { options.handler(paid) })
  }
}`
    res.writeHead(200, { "content-type": "application/javascript", "access-control-allow-origin": "*" }).end(script)
  }

  private checkoutPay(res: http.ServerResponse, method: string, body: Record<string, any>) {
    const cors = { "access-control-allow-origin": "*", "access-control-allow-headers": "content-type", "access-control-allow-methods": "POST" }
    if (method === "OPTIONS") {
      return void res.writeHead(204, cors).end()
    }
    if (method !== "POST" || body.key !== this.keyId || !this.orders.has(body.order_id)) {
      return void res.writeHead(400, { ...cors, "content-type": "application/json" }).end(JSON.stringify({ error: { code: "BAD_REQUEST_ERROR", description: "Unknown key or order" } }))
    }
    res.writeHead(200, { ...cors, "content-type": "application/json" }).end(JSON.stringify(this.checkout(body.order_id)))
  }

  /** The customer pays a payment link in full: a captured payment and the link's events. */
  payLink(linkId: string, method = "upi") {
    const link = this.links.get(linkId)
    if (!link) {
      throw new Error(`no payment link ${linkId}`)
    }
    const order: LoopbackOrder = {
      id: rid("order"),
      entity: "order",
      amount: link.amount,
      amount_paid: link.amount,
      amount_due: 0,
      currency: link.currency,
      receipt: null,
      offer_id: null,
      status: "paid",
      attempts: 1,
      notes: link.notes,
      created_at: now(),
      capture: "automatic",
    }
    this.orders.set(order.id, order)
    const payment = this.addPayment(order, {
      status: "captured",
      captured: true,
      method,
      description: link.description,
      email: link.customer.email ?? "",
      contact: link.customer.contact ?? "",
      notes: link.notes,
    })
    link.amount_paid = link.amount
    link.status = "paid"
    link.payments = [{ payment_id: payment.id, amount: payment.amount, status: "captured" }]
    this.record("payment.captured", { payment })
    this.record("order.paid", { payment, order: this.orderView(order) })
    this.record("payment_link.paid", { payment_link: link, order: this.orderView(order), payment })
    return { payment_id: payment.id, order_id: order.id }
  }

  /** A payment link's time runs out unpaid. */
  expireLink(linkId: string) {
    const link = this.links.get(linkId)
    if (!link || link.status !== "created") {
      throw new Error(`payment link ${linkId} cannot expire`)
    }
    link.status = "expired"
    this.record("payment_link.expired", { payment_link: link })
  }

  /** A refund made in Razorpay's dashboard (not through the shop). */
  dashboardRefund(paymentId: string, amount: number) {
    const payment = this.payments.get(paymentId)
    if (!payment || !payment.captured || amount > payment.amount - payment.amount_refunded) {
      throw new Error(`cannot refund ${amount} on ${paymentId}`)
    }
    const refund = this.addRefund(payment, amount, { notes: [], receipt: null })
    this.record("refund.processed", { refund, payment })
    return refund
  }

  /** Captured in Razorpay's dashboard (not through the shop), in full. */
  captureInDashboard(paymentId: string) {
    const payment = this.payments.get(paymentId)
    if (!payment || payment.status !== "authorized") {
      throw new Error(`cannot capture ${paymentId}`)
    }
    payment.status = "captured"
    payment.captured = true
    this.record("payment.captured", { payment })
    this.paidOrder(payment)
  }

  /** An authorisation nobody captured within five days: Razorpay gives the money back. */
  lapseAuthorization(paymentId: string) {
    const payment = this.payments.get(paymentId)
    if (!payment || payment.status !== "authorized") {
      throw new Error(`${paymentId} is not authorized`)
    }
    payment.status = "refunded"
    payment.amount_refunded = payment.amount
    payment.refund_status = "full"
  }

  /** The latest recorded event with this name (optionally about one payment or order). */
  lastEvent(event: string, about?: string): LoopbackEvent {
    const found = [...this.events].reverse().find((e) => e.event === event && (!about || e.body.includes(`"${about}"`)))
    if (!found) {
      throw new Error(`no ${event} event${about ? ` about ${about}` : ""}`)
    }
    return found
  }

  /**
   * Delivers an event to a webhook URL as Razorpay does: the raw JSON body,
   * X-Razorpay-Signature (HMAC-SHA256 with the webhook secret, or the
   * `signature` given) and X-Razorpay-Event-Id (the same on every retry).
   */
  async deliver(url: string, event: LoopbackEvent, { signature, eventId }: { signature?: string; eventId?: string } = {}) {
    const res = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-razorpay-signature": signature ?? razorpayHmac(event.body, this.webhookSecret),
        "x-razorpay-event-id": eventId ?? event.id,
      },
      body: event.body,
    })
    return { status: res.status, text: await res.text() }
  }
}

/** The app's Razorpay settings for a loopback Razorpay (useLoopback's second argument), with a spec's own additions. */
export function razorpaySettings(extra: Record<string, string> = {}) {
  return (r: RazorpayLoopback): Record<string, string> => ({
    RAZORPAY_KEY_ID: r.keyId,
    RAZORPAY_KEY_SECRET: r.keySecret,
    RAZORPAY_WEBHOOK_SECRET: r.webhookSecret,
    RAZORPAY_API_BASE: r.origin,
    // Short enough for the stalled-request test, long enough for a loopback that shares its event loop with a
    // busy app on a loaded two-core machine (at 1 s, look-ups timed out four times running under a full run).
    RAZORPAY_TIMEOUT_MS: "5000",
    ...extra,
  })
}
