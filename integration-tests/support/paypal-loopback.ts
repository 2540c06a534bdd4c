import { createHmac, randomBytes, randomUUID } from "node:crypto"
import type http from "node:http"
import { LoopbackServer } from "./loopback-server"

type Money = { currency_code: string; value: string }
type Capture = { id: string; status: "COMPLETED" | "DECLINED"; amount: Money; final_capture: boolean; custom_id?: string; refunded: number; create_time: string }
type Authorization = { id: string; status: "CREATED" | "CAPTURED" | "PARTIALLY_CAPTURED" | "VOIDED"; amount: Money; custom_id?: string; captured: number }

export type LoopbackPaypalOrder = {
  id: string
  intent: "CAPTURE" | "AUTHORIZE"
  status: "CREATED" | "APPROVED" | "COMPLETED" | "VOIDED"
  amount: Money
  reference_id?: string
  custom_id?: string
  authorization?: Authorization
  captures: Capture[]
  refunds: { id: string; capture_id: string; amount: Money; status: "COMPLETED" }[]
  create_time: string
  /** Where PayPal's approval page sends the buyer (the order's application_context). */
  return_url?: string
  cancel_url?: string
}

export type PaypalEvent = { id: string; event_type: string; body: string }

const minor = (value: string) => Math.round(Number(value) * 100)
const money = (currency: string, m: number): Money => ({ currency_code: currency, value: `${Math.floor(m / 100)}.${String(m % 100).padStart(2, "0")}` })

/**
 * A loopback server speaking the part of PayPal's REST API the shop uses:
 * OAuth client credentials (/v1/oauth2/token), orders v2 (create, get,
 * authorize, capture), authorizations (capture, partial and several; void),
 * captures (refund, partial and full, never above what was captured),
 * PayPal-Request-Id (a repeated request answers what the first did),
 * PayPal's error JSON ({ name, message, debug_id, details: [{ issue,
 * description }] }), and webhook deliveries that its
 * /v1/notifications/verify-webhook-signature vouches for — or not.
 */
export class PaypalLoopback extends LoopbackServer {
  readonly clientId = `A${randomBytes(20).toString("base64url")}`
  readonly clientSecret = `E${randomBytes(20).toString("base64url")}`
  readonly webhookId = `WH-${randomBytes(8).toString("hex").toUpperCase()}`
  private readonly signingKey = randomBytes(16).toString("hex")
  private readonly tokens = new Set<string>()
  private readonly idempotent = new Map<string, { status: number; body: unknown }>()
  readonly orders = new Map<string, LoopbackPaypalOrder>()
  readonly events: PaypalEvent[] = []
  /** Answers for the next requests (after authentication), e.g. a 503. */
  readonly failNext: { status: number; name: string; message: string }[] = []
  requests: { method: string; path: string }[] = []

  private error(res: http.ServerResponse, status: number, name: string, message: string, issue?: string, description?: string) {
    this.reply(res, status, {
      name,
      message,
      debug_id: randomBytes(6).toString("hex"),
      ...(issue ? { details: [{ issue, description: description ?? message }] } : {}),
      links: [{ href: `https://developer.paypal.com/api/rest/reference/orders/v2/errors/#${issue ?? name}`, rel: "information_link", method: "GET" }],
    })
  }

  protected async handle(req: http.IncomingMessage, res: http.ServerResponse, raw: string) {
    const path = new URL(req.url ?? "/", "http://loopback").pathname
    const method = req.method ?? "GET"
    this.requests.push({ method, path })
    if (method === "POST" && path === "/v1/oauth2/token") {
      const expected = `Basic ${Buffer.from(`${this.clientId}:${this.clientSecret}`).toString("base64")}`
      if (req.headers.authorization !== expected || !raw.includes("grant_type=client_credentials")) {
        return this.reply(res, 401, { error: "invalid_client", error_description: "Client Authentication failed" })
      }
      const token = `A21AA${randomBytes(24).toString("base64url")}`
      this.tokens.add(token)
      return this.reply(res, 200, { scope: "https://uri.paypal.com/services/payments/payment", access_token: token, token_type: "Bearer", app_id: "APP-80W284485P519543T", expires_in: 32400, nonce: randomUUID() })
    }
    if (path === "/checkoutnow") {
      return this.approvalPage(req, res)
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1]
    if (!bearer || !this.tokens.has(bearer)) {
      return this.reply(res, 401, { error: "invalid_token", error_description: "Token signature verification failed" })
    }
    const forced = this.failNext.shift()
    if (forced) {
      return this.error(res, forced.status, forced.name, forced.message)
    }
    let body: Record<string, any> = {}
    if (raw) {
      try {
        body = JSON.parse(raw)
      } catch {
        return this.error(res, 400, "INVALID_REQUEST", "Request is not well-formed, syntactically incorrect, or violates schema.", "MALFORMED_REQUEST_JSON")
      }
    }
    const requestId = req.headers["paypal-request-id"]
    const key = typeof requestId === "string" ? `${method} ${path} ${requestId}` : undefined
    if (key && this.idempotent.has(key)) {
      const earlier = this.idempotent.get(key)!
      return this.reply(res, earlier.status, earlier.body)
    }
    const answer = (status: number, out: unknown) => {
      if (key && status < 300) {
        this.idempotent.set(key, { status, body: out })
      }
      this.reply(res, status, out)
    }
    const seg = path.split("/")
    if (method === "POST" && path === "/v2/checkout/orders") {
      return this.createOrder(body, answer, res)
    }
    if (seg[1] === "v2" && seg[2] === "checkout" && seg[3] === "orders" && seg[4]) {
      const order = this.orders.get(seg[4])
      if (!order) {
        return this.error(res, 404, "RESOURCE_NOT_FOUND", "The specified resource does not exist.", "INVALID_RESOURCE_ID")
      }
      if (method === "GET" && !seg[5]) {
        return answer(200, this.orderView(order))
      }
      if (method === "POST" && (seg[5] === "authorize" || seg[5] === "capture")) {
        if (order.status !== "APPROVED") {
          return this.error(res, 422, "UNPROCESSABLE_ENTITY", "The requested action could not be performed.", order.status === "COMPLETED" ? "ORDER_ALREADY_CAPTURED" : "ORDER_NOT_APPROVED")
        }
        if ((seg[5] === "capture") !== (order.intent === "CAPTURE")) {
          return this.error(res, 422, "UNPROCESSABLE_ENTITY", "The requested action could not be performed.", "ACTION_DOES_NOT_MATCH_INTENT")
        }
        order.status = "COMPLETED"
        if (seg[5] === "authorize") {
          order.authorization = { id: `AUTH${randomBytes(6).toString("hex").toUpperCase()}`, status: "CREATED", amount: order.amount, custom_id: order.custom_id, captured: 0 }
          this.record("PAYMENT.AUTHORIZATION.CREATED", "authorization", { ...order.authorization, supplementary_data: { related_ids: { order_id: order.id } } })
        } else {
          this.addCapture(order, minor(order.amount.value), true)
        }
        return answer(201, this.orderView(order))
      }
    }
    if (seg[1] === "v2" && seg[2] === "payments" && seg[3] === "authorizations" && seg[4]) {
      const order = [...this.orders.values()].find((o) => o.authorization?.id === seg[4])
      const auth = order?.authorization
      if (!order || !auth) {
        return this.error(res, 404, "RESOURCE_NOT_FOUND", "The specified resource does not exist.", "INVALID_RESOURCE_ID")
      }
      if (method === "POST" && seg[5] === "void") {
        if (auth.captured > 0) {
          return this.error(res, 422, "UNPROCESSABLE_ENTITY", "The requested action could not be performed.", "PREVIOUSLY_CAPTURED")
        }
        auth.status = "VOIDED"
        order.status = "VOIDED"
        return answer(204, {})
      }
      if (method === "POST" && seg[5] === "capture") {
        if (auth.status === "VOIDED" || auth.status === "CAPTURED") {
          return this.error(res, 422, "UNPROCESSABLE_ENTITY", "The requested action could not be performed.", auth.status === "VOIDED" ? "AUTHORIZATION_VOIDED" : "AUTHORIZATION_ALREADY_CAPTURED")
        }
        const wanted = body.amount ? minor(body.amount.value) : minor(auth.amount.value) - auth.captured
        if (wanted <= 0 || auth.captured + wanted > minor(auth.amount.value)) {
          return this.error(res, 422, "UNPROCESSABLE_ENTITY", "The requested action could not be performed.", "MAX_CAPTURE_AMOUNT_EXCEEDED", "Capture amount exceeds the authorized amount.")
        }
        auth.captured += wanted
        auth.status = body.final_capture || auth.captured === minor(auth.amount.value) ? "CAPTURED" : "PARTIALLY_CAPTURED"
        const capture = this.addCapture(order, wanted, auth.status === "CAPTURED")
        return answer(201, this.captureView(order, capture))
      }
    }
    if (method === "POST" && seg[1] === "v2" && seg[2] === "payments" && seg[3] === "captures" && seg[4] && seg[5] === "refund") {
      const order = [...this.orders.values()].find((o) => o.captures.some((c) => c.id === seg[4]))
      const capture = order?.captures.find((c) => c.id === seg[4])
      if (!order || !capture) {
        return this.error(res, 404, "RESOURCE_NOT_FOUND", "The specified resource does not exist.", "INVALID_RESOURCE_ID")
      }
      const wanted = body.amount ? minor(body.amount.value) : minor(capture.amount.value) - capture.refunded
      if (wanted <= 0 || capture.refunded + wanted > minor(capture.amount.value)) {
        return this.error(res, 422, "UNPROCESSABLE_ENTITY", "The requested action could not be performed.", "REFUND_AMOUNT_EXCEEDED", "The refund amount must be less than or equal to the capture amount that has not yet been refunded.")
      }
      capture.refunded += wanted
      const refund = { id: `${randomBytes(8).toString("hex").toUpperCase()}`, capture_id: capture.id, amount: money(order.amount.currency_code, wanted), status: "COMPLETED" as const }
      order.refunds.push(refund)
      this.record("PAYMENT.CAPTURE.REFUNDED", "refund", { id: refund.id, status: "COMPLETED", amount: refund.amount, custom_id: order.custom_id })
      return answer(201, { id: refund.id, status: "COMPLETED", amount: refund.amount, links: [] })
    }
    if (method === "POST" && path === "/v1/notifications/verify-webhook-signature") {
      const expected = this.sign(body.transmission_id, body.transmission_time, body.webhook_id, JSON.stringify(body.webhook_event))
      const ok = body.webhook_id === this.webhookId && body.auth_algo === "SHA256withRSA" && body.transmission_sig === expected
      return this.reply(res, 200, { verification_status: ok ? "SUCCESS" : "FAILURE" })
    }
    return this.error(res, 404, "RESOURCE_NOT_FOUND", "The specified resource does not exist.", "INVALID_RESOURCE_ID")
  }

  private createOrder(body: Record<string, any>, answer: (status: number, out: unknown) => void, res: http.ServerResponse) {
    const unit = body.purchase_units?.[0]
    if (body.intent !== "CAPTURE" && body.intent !== "AUTHORIZE") {
      return this.error(res, 400, "INVALID_REQUEST", "Request is not well-formed, syntactically incorrect, or violates schema.", "INVALID_PARAMETER_VALUE", "intent")
    }
    if (!unit?.amount || !/^\d+(\.\d{1,2})?$/.test(unit.amount.value ?? "")) {
      return this.error(res, 422, "UNPROCESSABLE_ENTITY", "The requested action could not be performed.", "DECIMAL_PRECISION", "If the currency supports decimals, only two decimal place precision is supported.")
    }
    if (!["INR", "USD"].includes(unit.amount.currency_code)) {
      return this.error(res, 422, "UNPROCESSABLE_ENTITY", "The requested action could not be performed.", "CURRENCY_NOT_SUPPORTED")
    }
    const order: LoopbackPaypalOrder = {
      id: randomBytes(8).toString("hex").toUpperCase().slice(0, 17),
      intent: body.intent,
      status: "CREATED",
      amount: unit.amount,
      reference_id: unit.reference_id,
      custom_id: unit.custom_id,
      captures: [],
      refunds: [],
      create_time: new Date().toISOString(),
      return_url: body.application_context?.return_url,
      cancel_url: body.application_context?.cancel_url,
    }
    this.orders.set(order.id, order)
    answer(201, this.orderView(order))
  }

  private addCapture(order: LoopbackPaypalOrder, amount: number, final: boolean): Capture {
    const capture: Capture = {
      id: randomBytes(8).toString("hex").toUpperCase(),
      status: "COMPLETED",
      amount: money(order.amount.currency_code, amount),
      final_capture: final,
      custom_id: order.custom_id,
      refunded: 0,
      create_time: new Date().toISOString(),
    }
    order.captures.push(capture)
    this.record("PAYMENT.CAPTURE.COMPLETED", "capture", this.captureView(order, capture))
    return capture
  }

  private captureView(order: LoopbackPaypalOrder, capture: Capture) {
    const { refunded: _refunded, ...view } = capture
    return { ...view, supplementary_data: { related_ids: { order_id: order.id, ...(order.authorization ? { authorization_id: order.authorization.id } : {}) } }, links: [] }
  }

  private orderView(order: LoopbackPaypalOrder) {
    return {
      id: order.id,
      intent: order.intent,
      status: order.status,
      create_time: order.create_time,
      purchase_units: [
        {
          reference_id: order.reference_id ?? "default",
          custom_id: order.custom_id,
          amount: order.amount,
          payments: {
            ...(order.authorization ? { authorizations: [{ id: order.authorization.id, status: order.authorization.status, amount: order.authorization.amount, custom_id: order.custom_id }] } : {}),
            ...(order.captures.length ? { captures: order.captures.map((c) => ({ id: c.id, status: c.status, amount: c.amount, final_capture: c.final_capture, custom_id: c.custom_id })) } : {}),
          },
        },
      ],
      links: [
        { href: `${this.origin}/checkoutnow?token=${order.id}`, rel: "approve", method: "GET" },
        { href: `https://api-m.sandbox.paypal.com/v2/checkout/orders/${order.id}`, rel: "self", method: "GET" },
      ],
    }
  }

  /**
   * The buyer's page on PayPal (the order's approval link): GET shows the amount with Pay and Cancel; POST
   * approves (or not) and sends the browser to the order's return (or cancel) address, with `?token=<order
   * id>&PayerID=…` as PayPal adds them.
   */
  private approvalPage(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", "http://loopback")
    const order = this.orders.get(url.searchParams.get("token") ?? "")
    if (!order) {
      res.writeHead(404, { "content-type": "text/html" }).end("<h1>Things don't appear to be working at the moment.</h1>")
      return
    }
    if (req.method === "POST") {
      const approved = url.searchParams.get("action") !== "cancel"
      if (approved && order.status === "CREATED") {
        this.approve(order.id)
      }
      const back = new URL((approved ? order.return_url : order.cancel_url) ?? "about:blank")
      back.searchParams.set("token", order.id)
      if (approved) {
        back.searchParams.set("PayerID", randomBytes(6).toString("hex").toUpperCase())
      }
      res.writeHead(303, { location: back.toString() }).end()
      return
    }
    const amount = `${order.amount.currency_code} ${order.amount.value}`
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(
      `<!doctype html><title>PayPal</title><h1>Pay ${amount} with PayPal</h1>` +
        `<form method="post" action="/checkoutnow?token=${order.id}"><button>Pay Now</button></form>` +
        `<form method="post" action="/checkoutnow?token=${order.id}&action=cancel"><button>Cancel and return</button></form>`
    )
  }

  /** The buyer approves the order on PayPal. */
  approve(orderId: string) {
    const order = this.orders.get(orderId)
    if (!order || order.status !== "CREATED") {
      throw new Error(`order ${orderId} cannot be approved`)
    }
    order.status = "APPROVED"
    this.record("CHECKOUT.ORDER.APPROVED", "checkout-order", this.orderView(order))
  }

  private record(eventType: string, resourceType: string, resource: unknown) {
    const id = `WH-${randomBytes(10).toString("hex").toUpperCase()}`
    this.events.push({
      id,
      event_type: eventType,
      body: JSON.stringify({ id, event_version: "1.0", create_time: new Date().toISOString(), resource_type: resourceType, event_type: eventType, summary: eventType, resource, links: [] }),
    })
  }

  private sign(id: string, time: string, webhookId: string, body: string) {
    return createHmac("sha256", this.signingKey).update(`${id}|${time}|${webhookId}|${body}`).digest("base64")
  }

  lastEvent(eventType: string, about?: string): PaypalEvent {
    const found = [...this.events].reverse().find((e) => e.event_type === eventType && (!about || e.body.includes(about)))
    if (!found) {
      throw new Error(`no ${eventType} event${about ? ` about ${about}` : ""}`)
    }
    return found
  }

  /** Delivers an event with PayPal's transmission headers (signed so that verify-webhook-signature vouches for it, unless `forge`). */
  async deliver(url: string, event: PaypalEvent, { forge = false }: { forge?: boolean } = {}) {
    const id = randomUUID()
    const time = new Date().toISOString()
    const res = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "paypal-transmission-id": id,
        "paypal-transmission-time": time,
        "paypal-cert-url": "https://api.sandbox.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594-a5cafa77",
        "paypal-auth-algo": "SHA256withRSA",
        "paypal-transmission-sig": forge ? Buffer.from("forged").toString("base64") : this.sign(id, time, this.webhookId, event.body),
      },
      body: event.body,
    })
    return { status: res.status, text: await res.text() }
  }
}

/** The app's settings for PayPal on this loopback. */
export function paypalSettings(extra: Record<string, string> = {}) {
  return (p: PaypalLoopback): Record<string, string> => ({
    PAYPAL_CLIENT_ID: p.clientId,
    PAYPAL_CLIENT_SECRET: p.clientSecret,
    PAYPAL_WEBHOOK_ID: p.webhookId,
    PAYPAL_API_BASE: p.origin,
    ...extra,
  })
}
