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
import type Razorpay from "razorpay"
import { amountToPaise, formatInr, paiseToAmount } from "../../lib/money"
import {
  isValidCheckoutSignature,
  isValidWebhookSignature,
  noteValue,
  parseRazorpayWebhook,
  RAZORPAY_MIN_PAISE,
  razorpayErrorInfo,
  sessionStatusFor,
  settledPayment,
  type RazorpayWebhook,
} from "../../lib/razorpay"
import { captureBeingMade, capturedOnPayment, sessionHasCapture, sessionHasPayment, type PaymentModuleRecords } from "../../payments/medusa-records"
import { callRazorpay, createRazorpayClient, razorpayFailure } from "./client"

export type RazorpayOptions = {
  key_id: string
  key_secret: string
  /** Secret of the webhook set up in Razorpay's dashboard (X-Razorpay-Signature). */
  webhook_secret?: string
  /** `automatic`: Razorpay captures as the customer pays; `manual`: the shop captures (within 5 days). */
  capture?: "automatic" | "manual"
  /** Shown on payment links. */
  shop_name?: string
  /** Only for tests: the origin of a Razorpay-compatible server. */
  api_base?: string
  timeout_ms?: number
}

type RzpPayment = {
  id: string
  amount: number
  currency: string
  status: string
  order_id: string | null
  method?: string
  captured?: boolean
  amount_refunded?: number
  error_code?: string | null
  error_description?: string | null
  notes?: Record<string, unknown> | unknown[] | null
  created_at: number
}
type RzpRefund = { id: string; amount: number; payment_id: string; status: string; notes?: Record<string, unknown> | unknown[] | null }
type RzpOrder = { id: string; amount: number; receipt?: string | null; notes?: Record<string, unknown> | unknown[] | null; status: string }
type RzpLink = { id: string; amount: number; status: string; short_url: string; reference_id?: string | null; expire_by?: number; payments?: { payment_id: string }[] | null }

/** A refund made in Razorpay's dashboard that Medusa is recording (see the refund webhook). */
export type AdoptedRefund = { id: string; amount_paise: number }
export type RecordedRefund = { id: string; amount_paise: number; medusa_refund_id: string | null }

/** What the provider keeps on the session and payment (Medusa stores it as `data`). */
export type RazorpaySessionData = {
  session_id?: string
  mode?: "checkout" | "payment_link"
  razorpay_order_id?: string
  razorpay_payment_link_id?: string
  short_url?: string
  key_id?: string
  amount_paise?: number
  currency?: string
  capture?: "automatic" | "manual"
  /** From the checkout widget (verified by POST /store/razorpay/verify). */
  razorpay_payment_id?: string
  razorpay_signature?: string
  razorpay_status?: string
  method?: string
  /** What this shop captured at Razorpay (a payment is captured once, possibly for less than authorised). */
  captured_paise?: number
  refunds?: RecordedRefund[]
  adopt_refund?: AdoptedRefund
  error?: string
}

type Cradle = PaymentModuleRecords & { logger: Logger }

/**
 * Medusa payment provider for Razorpay on the official `razorpay` SDK.
 *
 * A session is a Razorpay order (amount in paise, receipt = the session id,
 * notes with the session and customer) that the storefront opens in
 * Razorpay's checkout; or, with `data.mode = "payment_link"`, a payment link
 * staff send to the customer. Authorisation asks Razorpay for the order's
 * payment (and checks the checkout's razorpay_signature when the storefront
 * sent it). Razorpay captures a payment once, for the whole authorisation or
 * less (the rest is released); refunds may be partial, each keyed by
 * Medusa's refund id so a retried refund is made once. Webhooks are checked
 * against X-Razorpay-Signature.
 */
export class RazorpayProviderService extends AbstractPaymentProvider<RazorpayOptions> {
  static identifier = "razorpay"

  protected readonly client: Razorpay
  protected readonly options_: RazorpayOptions
  protected readonly cradle: Cradle

  static validateOptions(options: Record<string, unknown>) {
    if (!options.key_id || !options.key_secret) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "Razorpay needs RAZORPAY_KEY_ID and RAZORPAY_KEY_SECRET")
    }
    if (options.capture !== undefined && options.capture !== "automatic" && options.capture !== "manual") {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `RAZORPAY_CAPTURE must be "automatic" or "manual", not "${String(options.capture)}"`)
    }
  }

  constructor(cradle: Cradle, options: RazorpayOptions) {
    super(cradle as never, options)
    this.cradle = cradle
    this.options_ = { capture: "automatic", ...options }
    this.client = createRazorpayClient(options)
  }

  /** Razorpay's failure as a Medusa error: its refusals as 400 with its words, its outages as "try again". */
  protected fail(action: string, err: unknown): never {
    razorpayFailure(action, err)
  }

  protected async call<T>(action: string, request: () => Promise<unknown>): Promise<T> {
    return callRazorpay<T>(action, request)
  }

  protected paiseFor(amount: BigNumberInput, currencyCode: string): number {
    if (currencyCode.toLowerCase() !== "inr") {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Razorpay takes payments in INR only, not ${currencyCode.toUpperCase()}`)
    }
    const paise = amountToPaise(amount)
    if (paise < RAZORPAY_MIN_PAISE) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Razorpay's smallest payment is ₹1.00, not ${formatInr(paise)}`)
    }
    return paise
  }

  async initiatePayment({ amount, currency_code, data, context }: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const paise = this.paiseFor(amount, currency_code)
    const input = (data ?? {}) as Record<string, unknown>
    const sessionId = typeof input.session_id === "string" ? input.session_id : undefined
    const notes = { ...(sessionId ? { session_id: sessionId } : {}), ...(context?.customer?.id ? { customer_id: context.customer.id } : {}) }
    if (input.mode === "payment_link") {
      return this.createPaymentLink(paise, input, notes, sessionId)
    }
    const order = await this.call<RzpOrder>("open the payment", () =>
      this.client.orders.create({
        amount: paise,
        currency: "INR",
        receipt: sessionId,
        notes,
        payment: {
          capture: this.options_.capture!,
          capture_options:
            this.options_.capture === "manual"
              ? ({ manual_expiry_period: 7200, refund_speed: "normal" } as never)
              : ({ automatic_expiry_period: 12, refund_speed: "normal" } as never),
        },
      } as never)
    )
    const sessionData: RazorpaySessionData = {
      session_id: sessionId,
      mode: "checkout",
      razorpay_order_id: order.id,
      key_id: this.options_.key_id,
      amount_paise: paise,
      currency: "INR",
      capture: this.options_.capture,
    }
    return { id: order.id, status: "pending" as PaymentSessionStatus, data: sessionData }
  }

  /** A payment link for the amount (staff send it by SMS/WhatsApp; Razorpay does not notify). */
  protected async createPaymentLink(paise: number, input: Record<string, unknown>, notes: Record<string, string>, sessionId?: string): Promise<InitiatePaymentOutput> {
    const customer = (input.customer ?? {}) as { name?: string; email?: string; contact?: string }
    const link = await this.call<RzpLink>("create the payment link", () =>
      this.client.paymentLink.create({
        amount: paise,
        currency: "INR",
        accept_partial: false,
        description: typeof input.description === "string" ? input.description.slice(0, 2048) : `Payment to ${this.options_.shop_name ?? "the shop"}`,
        customer: {
          ...(customer.name ? { name: customer.name } : {}),
          ...(customer.email ? { email: customer.email } : {}),
          ...(customer.contact ? { contact: customer.contact } : {}),
        },
        notify: { sms: false, email: false },
        reminder_enable: false,
        reference_id: sessionId,
        notes: { ...notes, ...((input.notes ?? {}) as Record<string, string>) },
        ...(typeof input.expire_by === "number" ? { expire_by: input.expire_by } : {}),
      } as never)
    )
    const sessionData: RazorpaySessionData = {
      session_id: sessionId,
      mode: "payment_link",
      razorpay_payment_link_id: link.id,
      short_url: link.short_url,
      amount_paise: paise,
      currency: "INR",
    }
    return { id: link.id, status: "pending" as PaymentSessionStatus, data: { ...sessionData, expire_by: link.expire_by } }
  }

  async updatePayment({ amount, currency_code, data }: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    const current = (data ?? {}) as RazorpaySessionData
    const paise = this.paiseFor(amount, currency_code)
    if (current.amount_paise === paise || current.razorpay_payment_id || current.mode === "payment_link") {
      // The checkout's answer being attached, or nothing to change: a Razorpay order's amount is fixed.
      return { data: current as Record<string, unknown> }
    }
    const next = await this.initiatePayment({ amount, currency_code, data: { session_id: current.session_id } })
    return { status: next.status, data: next.data }
  }

  /** The order's payment worth acting on, or the one the checkout named. */
  protected async orderPayment(data: RazorpaySessionData): Promise<RzpPayment | undefined> {
    if (data.mode === "payment_link" && data.razorpay_payment_link_id) {
      const link = await this.call<RzpLink>("look up the payment link", () => this.client.paymentLink.fetch(data.razorpay_payment_link_id!))
      const paymentId = link.payments?.[link.payments.length - 1]?.payment_id
      return paymentId ? this.call<RzpPayment>("look up the payment", () => this.client.payments.fetch(paymentId)) : undefined
    }
    if (!data.razorpay_order_id) {
      return undefined
    }
    const { items } = await this.call<{ items: RzpPayment[] }>("look up the order's payments", () => this.client.orders.fetchPayments(data.razorpay_order_id!))
    return data.razorpay_payment_id ? items.find((p) => p.id === data.razorpay_payment_id) : settledPayment(items)
  }

  protected withPayment(data: RazorpaySessionData, payment: RzpPayment | undefined): RazorpaySessionData {
    if (!payment) {
      return data
    }
    return {
      ...data,
      razorpay_payment_id: payment.id,
      razorpay_status: payment.status,
      method: payment.method,
      ...(payment.status === "failed" ? { error: payment.error_description ?? payment.error_code ?? "payment failed" } : {}),
    }
  }

  async authorizePayment({ data }: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    const session = (data ?? {}) as RazorpaySessionData
    if (session.razorpay_signature !== undefined) {
      const valid =
        !!session.razorpay_order_id &&
        !!session.razorpay_payment_id &&
        isValidCheckoutSignature(
          { razorpay_order_id: session.razorpay_order_id, razorpay_payment_id: session.razorpay_payment_id, razorpay_signature: session.razorpay_signature },
          this.options_.key_secret
        )
      if (!valid) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The Razorpay checkout signature does not match this payment")
      }
    }
    const payment = await this.orderPayment(session)
    // An authorisation left uncaptured too long is returned to the customer by Razorpay ("refunded", never captured).
    const status = payment?.status === "refunded" && !payment.captured ? "error" : sessionStatusFor(payment?.status)
    const next = this.withPayment(session, payment)
    if (status === "captured") {
      next.captured_paise = next.captured_paise ?? payment!.amount
    }
    return { status: status as PaymentSessionStatus, data: next as Record<string, unknown> }
  }

  async capturePayment({ data, context }: CapturePaymentInput): Promise<CapturePaymentOutput> {
    const session = (data ?? {}) as RazorpaySessionData
    if (!session.razorpay_payment_id) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "There is no Razorpay payment to capture yet")
    }
    const payment = await this.call<RzpPayment>("look up the payment", () => this.client.payments.fetch(session.razorpay_payment_id!))
    // Medusa names the capture it is recording; its amount is what Razorpay captures.
    const request = await captureBeingMade(this.cradle, context?.idempotency_key)
    if (payment.status === "authorized") {
      const paise = Math.min(request?.minor ?? payment.amount, payment.amount)
      const captured = await this.call<RzpPayment>("capture the payment", () => this.client.payments.capture(payment.id, paise, payment.currency))
      return { data: { ...this.withPayment(session, captured), captured_paise: paise } as Record<string, unknown> }
    }
    if (payment.captured) {
      // Captured already (automatically, in the dashboard, or by an earlier try): Medusa may record up to that much.
      const atRazorpay = session.captured_paise ?? payment.amount
      const recorded = request?.payment_id ? await capturedOnPayment(this.cradle, request.payment_id) : undefined
      if (recorded !== undefined && recorded > atRazorpay) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Razorpay captured ${formatInr(atRazorpay)} of this payment and takes one capture a payment; ${formatInr(recorded - atRazorpay)} more cannot be captured`
        )
      }
      return { data: { ...this.withPayment(session, payment), captured_paise: atRazorpay } as Record<string, unknown> }
    }
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      payment.status === "failed"
        ? `The Razorpay payment ${payment.id} failed (${payment.error_description ?? payment.error_code ?? "no reason given"}); a failed payment cannot be captured`
        : payment.status === "refunded"
          ? `The Razorpay payment ${payment.id} was not captured in time and Razorpay returned it to the customer; it cannot be captured`
          : `The Razorpay payment ${payment.id} is ${payment.status}, not authorised; it cannot be captured`
    )
  }

  protected recordRefund(session: RazorpaySessionData, refund: RzpRefund, medusaRefundId: string | null): RazorpaySessionData {
    const refunds = (session.refunds ?? []).filter((r) => r.id !== refund.id)
    const { adopt_refund: _adopted, ...rest } = session
    return { ...rest, refunds: [...refunds, { id: refund.id, amount_paise: refund.amount, medusa_refund_id: medusaRefundId }] }
  }

  async refundPayment({ amount, data, context }: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const session = (data ?? {}) as RazorpaySessionData
    const paymentId = session.razorpay_payment_id
    if (!paymentId) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "There is no Razorpay payment to refund")
    }
    const paise = amountToPaise(amount)
    const key = context?.idempotency_key ?? null
    if (session.adopt_refund && session.adopt_refund.amount_paise === paise) {
      // A refund made in Razorpay's dashboard: record it, do not refund again.
      const refund = await this.call<RzpRefund>("look up the refund", () => this.client.payments.fetchRefund(paymentId, session.adopt_refund!.id))
      return { data: this.recordRefund(session, refund, key) as Record<string, unknown> }
    }
    if (key) {
      const { items } = await this.call<{ items: RzpRefund[] }>("look up the payment's refunds", () => this.client.payments.fetchMultipleRefund(paymentId, { count: 100 }))
      const earlier = items.find((r) => noteValue(r.notes, "medusa_refund_id") === key)
      if (earlier) {
        return { data: this.recordRefund(session, earlier, key) as Record<string, unknown> }
      }
    }
    const refund = await this.call<RzpRefund>(`refund ${formatInr(paise)}`, () =>
      this.client.payments.refund(paymentId, {
        amount: paise,
        speed: "normal",
        ...(key ? { notes: { medusa_refund_id: key }, receipt: key.slice(0, 40) } : {}),
      } as never)
    )
    return { data: this.recordRefund(session, refund, key) as Record<string, unknown> }
  }

  async cancelPayment({ data, context }: CancelPaymentInput): Promise<CancelPaymentOutput> {
    const session = (data ?? {}) as RazorpaySessionData
    if (session.mode === "payment_link" && !session.razorpay_payment_id) {
      return { data: (await this.cancelLink(session)) as Record<string, unknown> }
    }
    if (!session.razorpay_payment_id) {
      return { data: session as Record<string, unknown> }
    }
    if (!context?.idempotency_key && session.session_id && (await sessionHasPayment(this.cradle, session.session_id))) {
      // Medusa undoing an authorisation another run recorded: the money stays.
      return { data: session as Record<string, unknown> }
    }
    const payment = await this.call<RzpPayment>("look up the payment", () => this.client.payments.fetch(session.razorpay_payment_id!))
    if (payment.status === "captured") {
      // Money taken for an order that did not happen goes back to the customer.
      const rest = payment.amount - (payment.amount_refunded ?? 0)
      const refunded = await this.refundPayment({
        amount: paiseToAmount(rest),
        data: session as Record<string, unknown>,
        context: { idempotency_key: `cancel:${context?.idempotency_key ?? payment.id}` },
      })
      return { data: { ...refunded.data, razorpay_status: "refunded" } }
    }
    // An authorisation that is never captured is released by Razorpay (there is no void).
    return { data: this.withPayment(session, payment) as Record<string, unknown> }
  }

  protected async cancelLink(session: RazorpaySessionData): Promise<RazorpaySessionData> {
    if (!session.razorpay_payment_link_id) {
      return session
    }
    try {
      await this.client.paymentLink.cancel(session.razorpay_payment_link_id)
      return { ...session, razorpay_status: "cancelled" }
    } catch (err) {
      const info = razorpayErrorInfo(err)
      if (info.unavailable) {
        this.fail("cancel the payment link", err)
      }
      // Paid, expired or cancelled already.
      return session
    }
  }

  async deletePayment({ data }: DeletePaymentInput): Promise<DeletePaymentOutput> {
    const session = (data ?? {}) as RazorpaySessionData
    if (session.mode === "payment_link" && !session.razorpay_payment_id) {
      try {
        return { data: (await this.cancelLink(session)) as Record<string, unknown> }
      } catch (err) {
        this.cradle.logger.warn(`Razorpay payment link ${session.razorpay_payment_link_id} not cancelled: ${(err as Error).message}`)
      }
    }
    // A Razorpay order without a payment simply expires.
    return { data: session as Record<string, unknown> }
  }

  async retrievePayment({ data }: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    const session = (data ?? {}) as RazorpaySessionData
    const payment = await this.orderPayment(session)
    return { data: { ...this.withPayment(session, payment), amount_refunded_paise: payment?.amount_refunded ?? 0 } as Record<string, unknown> }
  }

  async getPaymentStatus({ data }: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    const session = (data ?? {}) as RazorpaySessionData
    const payment = await this.orderPayment(session)
    return { status: sessionStatusFor(payment?.status) as PaymentSessionStatus, data: this.withPayment(session, payment) as Record<string, unknown> }
  }

  /** The Medusa payment session an event is about: in its notes, the order's receipt or the link's reference. */
  protected async sessionIdOf(event: RazorpayWebhook): Promise<string | undefined> {
    const direct =
      noteValue(event.payment?.notes, "session_id") ??
      noteValue(event.order?.notes, "session_id") ??
      noteValue(event.payment_link?.notes, "session_id") ??
      (event.payment_link?.reference_id || undefined) ??
      (event.order?.receipt || undefined)
    if (direct) {
      return direct
    }
    const orderId = event.payment?.order_id
    if (!orderId) {
      return undefined
    }
    const order = await this.call<RzpOrder>("look up the order", () => this.client.orders.fetch(orderId))
    return noteValue(order.notes, "session_id") ?? (order.receipt || undefined)
  }

  async getWebhookActionAndData(payload: ProviderWebhookPayload["payload"]): Promise<WebhookActionResult> {
    const secret = this.options_.webhook_secret
    if (!secret) {
      this.cradle.logger.warn("Razorpay webhook ignored: RAZORPAY_WEBHOOK_SECRET is not set")
      return { action: PaymentActions.NOT_SUPPORTED }
    }
    const raw = payload.rawData ?? JSON.stringify(payload.data)
    if (!isValidWebhookSignature(raw, payload.headers["x-razorpay-signature"], secret)) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Invalid X-Razorpay-Signature")
    }
    const event = parseRazorpayWebhook(payload.data)
    if (!event) {
      return { action: PaymentActions.NOT_SUPPORTED }
    }
    const sessionId = await this.sessionIdOf(event)
    if (!sessionId) {
      // Not a payment this shop opened (another integration on the same account).
      return { action: PaymentActions.NOT_SUPPORTED }
    }
    const amountOf = (paise: number) => new BigNumber(paiseToAmount(paise))
    switch (event.event) {
      case "payment.authorized":
        return { action: PaymentActions.AUTHORIZED, data: { session_id: sessionId, amount: amountOf(event.payment?.amount ?? 0) } }
      case "payment.captured": {
        const paise = event.payment?.amount ?? 0
        // A capture Medusa has recorded is the one Razorpay reports: nothing more to capture.
        if (await sessionHasCapture(this.cradle, sessionId)) {
          return { action: PaymentActions.NOT_SUPPORTED, data: { session_id: sessionId, amount: amountOf(paise) } }
        }
        return { action: PaymentActions.SUCCESSFUL, data: { session_id: sessionId, amount: amountOf(paise) } }
      }
      case "payment.failed":
        return { action: PaymentActions.FAILED, data: { session_id: sessionId, amount: amountOf(event.payment?.amount ?? 0) } }
      default:
        // order.paid and payment_link.paid come with a payment.captured, which Medusa acts on (once);
        // refunds are recorded by the shop's own webhook subscriber (Medusa has no refund action).
        return { action: PaymentActions.NOT_SUPPORTED, data: { session_id: sessionId, amount: amountOf(event.refund?.amount ?? 0) } }
    }
  }
}

export default RazorpayProviderService
