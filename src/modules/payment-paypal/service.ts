import type {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  BigNumberInput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  Logger,
  PaymentSessionStatus,
  ProviderWebhookPayload,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import { AbstractPaymentProvider, BigNumber, MedusaError, PaymentActions } from "@medusajs/framework/utils"
import { CheckoutPaymentIntent, OrdersController, PaymentsController, type Client, type Order } from "@paypal/paypal-server-sdk"
import { PROVIDER_UNAVAILABLE, providerUnavailable } from "../../lib/errors"
import { amountToPaise } from "../../lib/money"
import { PAYPAL_CURRENCIES, parsePaypalWebhook, paypalErrorInfo, paypalMinor, paypalSessionId, paypalSessionStatus, paypalValue } from "../../lib/paypal"
import { captureBeingMade, capturedOnPayment, sessionHasCapture, sessionHasPayment, type PaymentModuleRecords } from "../../payments/medusa-records"
import { createPaypalClient } from "./client"
import { PaypalWebhookVerifier, type PaypalApiOptions } from "./webhook-verifier"

export type PaypalOptions = PaypalApiOptions & {
  /** The webhook's id in PayPal's developer dashboard (PayPal checks deliveries against it). */
  webhook_id?: string
  /** `automatic`: captured when the order is placed; `manual`: authorised, the shop captures (within 29 days). */
  capture?: "automatic" | "manual"
  /**
   * Where PayPal sends the buyer back after approving (PayPal adds `?token=<order id>`) or cancelling: the
   * shop's storefront (STOREFRONT_URL), so the return is the shop's setting, never a request's.
   */
  return_url?: string
  cancel_url?: string
}

type Cradle = PaymentModuleRecords & { logger: Logger }

type Captured = { id: string; amount_minor: number }
type Refunded = { id: string; capture_id: string; amount_minor: number; medusa_refund_id: string | null }

export type PaypalSessionData = {
  session_id?: string
  paypal_order_id?: string
  approval_url?: string
  intent?: "CAPTURE" | "AUTHORIZE"
  currency?: string
  amount_minor?: number
  paypal_status?: string
  authorization_id?: string
  captures?: Captured[]
  refunds?: Refunded[]
}

/**
 * Medusa payment provider for PayPal on the official `@paypal/paypal-server-sdk`
 * (orders v2): a session is a PayPal order the customer approves on PayPal;
 * authorisation authorises it (or, with automatic capture, captures it);
 * captures may be partial and several, refunds partial or full. Every call
 * that moves money carries PayPal-Request-Id (Medusa's session, capture or
 * refund id), so a retried call is made once. Webhooks are checked by PayPal
 * itself (verify-webhook-signature). INR and USD.
 */
export class PaypalProviderService extends AbstractPaymentProvider<PaypalOptions> {
  static identifier = "paypal"

  protected readonly client: Client
  protected readonly orders: OrdersController
  protected readonly payments: PaymentsController
  protected readonly verifier: PaypalWebhookVerifier
  protected readonly options_: PaypalOptions
  protected readonly cradle: Cradle

  static validateOptions(options: Record<string, unknown>) {
    if (!options.client_id || !options.client_secret) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "PayPal needs PAYPAL_CLIENT_ID and PAYPAL_CLIENT_SECRET")
    }
    if (options.environment !== undefined && options.environment !== "sandbox" && options.environment !== "production") {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `PAYPAL_ENVIRONMENT must be "sandbox" or "production", not "${String(options.environment)}"`)
    }
    if (options.capture !== undefined && options.capture !== "automatic" && options.capture !== "manual") {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `PAYPAL_CAPTURE must be "automatic" or "manual", not "${String(options.capture)}"`)
    }
  }

  constructor(cradle: Cradle, options: PaypalOptions) {
    super(cradle as never, options)
    this.cradle = cradle
    this.options_ = { capture: "automatic", environment: "sandbox", ...options }
    this.client = createPaypalClient(this.options_)
    this.orders = new OrdersController(this.client)
    this.payments = new PaymentsController(this.client)
    this.verifier = new PaypalWebhookVerifier(this.options_)
  }

  protected async call<T>(action: string, request: () => Promise<{ result: T }>): Promise<T> {
    try {
      return (await request()).result
    } catch (err) {
      if (MedusaError.isMedusaError(err)) {
        throw err
      }
      const info = paypalErrorInfo(err)
      if (info.unavailable) {
        throw providerUnavailable("PayPal", { status: info.status, code: info.name, description: info.description }, action)
      }
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `PayPal could not ${action}: ${info.description} (${info.name})`)
    }
  }

  protected minorFor(amount: BigNumberInput, currencyCode: string): number {
    if (!(PAYPAL_CURRENCIES as readonly string[]).includes(currencyCode.toLowerCase())) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `PayPal takes INR or USD here, not ${currencyCode.toUpperCase()}`)
    }
    const minor = amountToPaise(amount)
    if (minor <= 0) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "A PayPal payment must be above 0")
    }
    return minor
  }

  async initiatePayment({ amount, currency_code, data }: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const minor = this.minorFor(amount, currency_code)
    const sessionId = typeof data?.session_id === "string" ? data.session_id : undefined
    const currency = currency_code.toUpperCase()
    const intent = this.options_.capture === "manual" ? CheckoutPaymentIntent.Authorize : CheckoutPaymentIntent.Capture
    const order = await this.call<Order>("open the payment", () =>
      this.orders.createOrder({
        body: {
          intent,
          purchaseUnits: [{ referenceId: sessionId, customId: sessionId, amount: { currencyCode: currency, value: paypalValue(minor) } }],
          ...(this.options_.return_url ? { applicationContext: { returnUrl: this.options_.return_url, cancelUrl: this.options_.cancel_url } } : {}),
        },
        paypalRequestId: sessionId ? `order-${sessionId}` : undefined,
        prefer: "return=representation",
      })
    )
    const sessionData: PaypalSessionData = {
      session_id: sessionId,
      paypal_order_id: order.id,
      approval_url: order.links?.find((l) => l.rel === "approve" || l.rel === "payer-action")?.href,
      intent,
      currency,
      amount_minor: minor,
      paypal_status: order.status,
    }
    return { id: order.id!, status: "pending" as PaymentSessionStatus, data: sessionData }
  }

  async updatePayment({ amount, currency_code, data }: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    const current = (data ?? {}) as PaypalSessionData
    if (current.amount_minor === this.minorFor(amount, currency_code) && current.currency === currency_code.toUpperCase()) {
      return { data: current as Record<string, unknown> }
    }
    const next = await this.initiatePayment({ amount, currency_code, data: { session_id: current.session_id } })
    return { status: next.status, data: next.data }
  }

  protected fromOrder(session: PaypalSessionData, order: Order): PaypalSessionData {
    const payments = order.purchaseUnits?.[0]?.payments
    const authorization = payments?.authorizations?.[0]
    const captures = (payments?.captures ?? [])
      .filter((c) => c.id && c.status !== "DECLINED" && c.status !== "FAILED")
      .map((c) => ({ id: c.id!, amount_minor: paypalMinor(c.amount?.value ?? "0") }))
    return {
      ...session,
      paypal_status: order.status,
      ...(authorization?.id ? { authorization_id: authorization.id } : {}),
      ...(captures.length ? { captures: mergeCaptures(session.captures ?? [], captures) } : {}),
    }
  }

  async authorizePayment({ data }: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    const session = (data ?? {}) as PaypalSessionData
    if (!session.paypal_order_id) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "There is no PayPal order to authorise")
    }
    let order = await this.call<Order>("look up the order", () => this.orders.getOrder({ id: session.paypal_order_id! }))
    if (order.status === "APPROVED") {
      const key = `${session.intent === CheckoutPaymentIntent.Capture ? "capture" : "authorize"}-${session.session_id ?? order.id}`
      order = await this.call<Order>(session.intent === CheckoutPaymentIntent.Capture ? "capture the payment" : "authorise the payment", () =>
        session.intent === CheckoutPaymentIntent.Capture
          ? this.orders.captureOrder({ id: order.id!, paypalRequestId: key, prefer: "return=representation" })
          : this.orders.authorizeOrder({ id: order.id!, paypalRequestId: key, prefer: "return=representation" })
      )
    }
    const next = this.fromOrder(session, order)
    const status = paypalSessionStatus(order.status, session.intent)
    return { status: status as PaymentSessionStatus, data: next as Record<string, unknown> }
  }

  async capturePayment({ data, context }: CapturePaymentInput): Promise<CapturePaymentOutput> {
    const session = (data ?? {}) as PaypalSessionData
    const captured = (session.captures ?? []).reduce((s, c) => s + c.amount_minor, 0)
    const request = await captureBeingMade(this.cradle, context?.idempotency_key)
    if (session.intent === CheckoutPaymentIntent.Capture || !session.authorization_id) {
      // Captured with the order: Medusa may record up to what PayPal captured.
      const recorded = request?.payment_id ? await capturedOnPayment(this.cradle, request.payment_id) : undefined
      if (recorded !== undefined && recorded > captured) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `PayPal captured ${paypalValue(captured)} ${session.currency}; no more can be captured on this payment`)
      }
      return { data: session as Record<string, unknown> }
    }
    const minor = request?.minor ?? Math.max(0, (session.amount_minor ?? 0) - captured)
    const capture = await this.call<{ id?: string; status?: string; amount?: { value: string } }>("capture the payment", () =>
      this.payments.captureAuthorizedPayment({
        authorizationId: session.authorization_id!,
        paypalRequestId: context?.idempotency_key,
        prefer: "return=representation",
        body: { amount: { currencyCode: session.currency!, value: paypalValue(minor) }, finalCapture: captured + minor >= (session.amount_minor ?? 0) },
      })
    )
    return { data: { ...session, captures: mergeCaptures(session.captures ?? [], [{ id: capture.id!, amount_minor: minor }]) } as Record<string, unknown> }
  }

  async refundPayment({ amount, data, context }: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const session = (data ?? {}) as PaypalSessionData
    const minor = amountToPaise(amount)
    const key = context?.idempotency_key ?? null
    const earlier = (session.refunds ?? []).find((r) => key && r.medusa_refund_id === key)
    if (earlier) {
      return { data: session as Record<string, unknown> }
    }
    const refundedOf = (id: string) => (session.refunds ?? []).filter((r) => r.capture_id === id).reduce((s, r) => s + r.amount_minor, 0)
    const capture = (session.captures ?? []).find((c) => c.amount_minor - refundedOf(c.id) >= minor)
    if (!capture) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `No PayPal capture of this payment has ${paypalValue(minor)} ${session.currency ?? ""} left to refund; refund each capture on its own`.trim())
    }
    const refund = await this.call<{ id?: string }>(`refund ${paypalValue(minor)} ${session.currency}`, () =>
      this.payments.refundCapturedPayment({
        captureId: capture.id,
        paypalRequestId: key ?? undefined,
        prefer: "return=representation",
        body: { amount: { currencyCode: session.currency!, value: paypalValue(minor) } },
      })
    )
    const refunds = [...(session.refunds ?? []), { id: refund.id!, capture_id: capture.id, amount_minor: minor, medusa_refund_id: key }]
    return { data: { ...session, refunds } as Record<string, unknown> }
  }

  async cancelPayment({ data, context }: CancelPaymentInput): Promise<CancelPaymentOutput> {
    const session = (data ?? {}) as PaypalSessionData
    if (!context?.idempotency_key && session.session_id && (await sessionHasPayment(this.cradle, session.session_id))) {
      // Medusa undoing an authorisation another run recorded: the money stays.
      return { data: session as Record<string, unknown> }
    }
    if (session.authorization_id && !(session.captures ?? []).length) {
      await this.call("void the authorisation", () => this.payments.voidPayment({ authorizationId: session.authorization_id!, prefer: "return=minimal" }))
      return { data: { ...session, paypal_status: "VOIDED" } as Record<string, unknown> }
    }
    for (const capture of session.captures ?? []) {
      const left = capture.amount_minor - (session.refunds ?? []).filter((r) => r.capture_id === capture.id).reduce((s, r) => s + r.amount_minor, 0)
      if (left > 0) {
        // Money taken for an order that did not happen goes back to the customer.
        await this.call("refund the payment", () =>
          this.payments.refundCapturedPayment({ captureId: capture.id, paypalRequestId: `cancel-${capture.id}`, body: { amount: { currencyCode: session.currency!, value: paypalValue(left) } } })
        )
      }
    }
    return { data: session as Record<string, unknown> }
  }

  async deletePayment({ data }: DeletePaymentInput): Promise<DeletePaymentOutput> {
    // An order nobody approved expires at PayPal.
    return { data }
  }

  async retrievePayment({ data }: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    const session = (data ?? {}) as PaypalSessionData
    if (!session.paypal_order_id) {
      return { data }
    }
    const order = await this.call<Order>("look up the order", () => this.orders.getOrder({ id: session.paypal_order_id! }))
    return { data: this.fromOrder(session, order) as Record<string, unknown> }
  }

  async getPaymentStatus({ data }: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    const session = (data ?? {}) as PaypalSessionData
    if (!session.paypal_order_id) {
      return { status: "pending" as PaymentSessionStatus, data }
    }
    const order = await this.call<Order>("look up the order", () => this.orders.getOrder({ id: session.paypal_order_id! }))
    return { status: paypalSessionStatus(order.status, session.intent) as PaymentSessionStatus, data: this.fromOrder(session, order) as Record<string, unknown> }
  }

  async getWebhookActionAndData(payload: ProviderWebhookPayload["payload"]): Promise<WebhookActionResult> {
    const raw = payload.rawData ? payload.rawData.toString() : JSON.stringify(payload.data)
    let verified: boolean
    try {
      verified = await this.verifier.verify(payload.headers, raw)
    } catch (err) {
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `PayPal could not check a webhook: ${(err as Error).message}`, PROVIDER_UNAVAILABLE)
    }
    if (!verified) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "PayPal did not vouch for this webhook delivery")
    }
    const event = parsePaypalWebhook(payload.data)
    const sessionId = event ? paypalSessionId(event) : undefined
    if (!event || !sessionId) {
      return { action: PaymentActions.NOT_SUPPORTED }
    }
    const amount = new BigNumber(paypalMinor(event.resource.amount?.value ?? event.resource.purchase_units?.[0]?.amount?.value ?? "0") / 100)
    switch (event.event_type) {
      case "CHECKOUT.ORDER.APPROVED":
      case "PAYMENT.AUTHORIZATION.CREATED":
        return { action: PaymentActions.AUTHORIZED, data: { session_id: sessionId, amount } }
      case "PAYMENT.CAPTURE.COMPLETED":
        return (await sessionHasCapture(this.cradle, sessionId))
          ? { action: PaymentActions.NOT_SUPPORTED, data: { session_id: sessionId, amount } }
          : { action: PaymentActions.SUCCESSFUL, data: { session_id: sessionId, amount } }
      case "PAYMENT.CAPTURE.DENIED":
      case "PAYMENT.CAPTURE.DECLINED":
        return { action: PaymentActions.FAILED, data: { session_id: sessionId, amount } }
      default:
        return { action: PaymentActions.NOT_SUPPORTED, data: { session_id: sessionId, amount } }
    }
  }
}

/** Captures by id, later answers replacing earlier ones. */
function mergeCaptures(known: Captured[], seen: Captured[]): Captured[] {
  const byId = new Map(known.map((c) => [c.id, c]))
  for (const c of seen) {
    byId.set(c.id, c)
  }
  return [...byId.values()]
}

export default PaypalProviderService
