import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { ProviderWebhookPayload } from "@medusajs/framework/types"
import { Modules, PaymentWebhookEvents } from "@medusajs/framework/utils"
import { setTimeout as wait } from "node:timers/promises"
import { PROVIDER_UNAVAILABLE } from "../lib/errors"
import { PAYPAL_WEBHOOK_PROVIDER, RAZORPAY_WEBHOOK_PROVIDER, razorpaySecrets } from "../lib/payment-settings"
import { parsePaypalWebhook } from "../lib/paypal"
import { isValidWebhookSignature, noteValue, parseRazorpayWebhook, razorpayEventId } from "../lib/razorpay"
import { markPaymentLinkWorkflow, notePaymentWebhookWorkflow, recordRazorpayRefundWorkflow } from "../workflows/payments"
import { recordSchemeLinkPaymentWorkflow } from "../workflows/savings-schemes"

type Payload = ProviderWebhookPayload["payload"] & { rawData: Buffer | string | { type: "Buffer"; data: number[] } }

/**
 * The part of the payment providers' webhooks Medusa leaves to the shop: a
 * refund made in Razorpay's dashboard is recorded on the Medusa payment
 * (once), a savings scheme's payment link paid becomes the card's instalment
 * (once), and a failed payment is tied to its payment session for the
 * reconciliation; every delivery's record notes how it was handled.
 * Authorisations and captures are Medusa's own (processPaymentWorkflow).
 */
export default async function paymentWebhookBookkeeping({ event, container }: SubscriberArgs<ProviderWebhookPayload>) {
  if (event.data.provider === PAYPAL_WEBHOOK_PROVIDER) {
    const paypal = parsePaypalWebhook(event.data.payload.data)
    if (paypal) {
      await notePaymentWebhookWorkflow(container).run({ input: { provider: "paypal", event_id: paypal.id, result: "passed to Medusa" } })
    }
    return
  }
  if (event.data.provider !== RAZORPAY_WEBHOOK_PROVIDER) {
    return
  }
  const payload = event.data.payload as Payload
  const raw = payload.rawData && typeof payload.rawData === "object" && "type" in payload.rawData ? Buffer.from(payload.rawData.data) : payload.rawData
  const parsed = parseRazorpayWebhook(payload.data)
  if (!parsed || !raw) {
    return
  }
  // The route's guard checked the signature; this subscriber acts on its own (payment links), so it checks again.
  const secret = razorpaySecrets()?.webhook_secret
  if (!secret || !isValidWebhookSignature(raw as Buffer | string, payload.headers?.["x-razorpay-signature"], secret)) {
    return
  }
  const eventId = razorpayEventId(payload.headers, raw as Buffer | string)
  const note = (result: string, sessionId?: string | null) =>
    notePaymentWebhookWorkflow(container).run({ input: { provider: "razorpay", event_id: eventId, result, payment_session_id: sessionId ?? null } })
  const linkOutcome = { "payment_link.paid": "paid", "payment_link.expired": "expired", "payment_link.cancelled": "cancelled" } as const
  if (parsed.event in linkOutcome && parsed.payment_link && noteValue(parsed.payment_link.notes, "scheme_enrolment_id")) {
    // A savings scheme's instalment paid online (no Medusa payment session behind it).
    const { result } = await recordSchemeLinkPaymentWorkflow(container).run({
      input: { razorpay_payment_link_id: parsed.payment_link.id, outcome: linkOutcome[parsed.event as keyof typeof linkOutcome], razorpay_payment_id: parsed.payment?.id ?? null },
    })
    await note(
      !result.found
        ? "a scheme payment link this shop does not know"
        : result.taken
          ? `scheme instalment ${result.taken.paid_count} of card ${result.taken.card.number} paid by link ${parsed.payment_link.id}`
          : `scheme payment link ${parsed.payment_link.id} ${result.status}${result.problem ? `: ${result.problem}` : ""}`
    )
    return
  }
  if (parsed.event in linkOutcome && parsed.payment_link) {
    const status = linkOutcome[parsed.event as keyof typeof linkOutcome]
    const { result } = await markPaymentLinkWorkflow(container).run({ input: { razorpay_payment_link_id: parsed.payment_link.id, status } })
    await note(result.marked ? `payment link ${parsed.payment_link.id} ${status}; passed to Medusa` : "passed to Medusa")
    return
  }
  if (parsed.event !== "refund.processed" && parsed.event !== "payment.failed") {
    await note("passed to Medusa")
    return
  }
  // The provider checks the signature again and finds the session the event is about.
  const action = await retriedWhileUnavailable(() =>
    container.resolve(Modules.PAYMENT).getWebhookActionAndData({ provider: RAZORPAY_WEBHOOK_PROVIDER, payload: { ...payload, rawData: raw as Buffer } })
  ).catch(async (e: Error) => {
    // Razorpay will not send it again (it was answered 200): the delivery's record says it was not handled, and why.
    await note(`not handled: ${e.message}`)
    throw e
  })
  const sessionId = action.data?.session_id
  if (!sessionId) {
    await note("not a payment of this shop")
    return
  }
  if (parsed.event === "payment.failed") {
    await note(`payment failed: ${parsed.payment?.error_description ?? parsed.payment?.error_code ?? "no reason given"}`, sessionId)
    return
  }
  const { result } = await recordRazorpayRefundWorkflow(container)
    .run({
      input: {
        session_id: sessionId,
        razorpay_payment_id: parsed.refund!.payment_id,
        razorpay_captured_paise: parsed.payment?.captured ? parsed.payment.amount : 0,
        refund: parsed.refund!,
      },
    })
    .catch(async (e: Error) => {
      // As above: the record says the refund was not handled, and why.
      await note(`not handled: ${e.message}`, sessionId)
      throw e
    })
  await note(result.action === "record" ? `refund ${parsed.refund!.id} recorded` : `refund ignored: ${result.reason}`, sessionId)
}

/** Waits before each new try of a look-up Razorpay did not answer in time. */
const RETRY_WAITS_MS = [1_000, 3_000, 10_000]

/**
 * The webhook was answered 200 before this runs, so Razorpay will not send it
 * again: a look-up that finds Razorpay slow or down for a moment is tried
 * again a few times rather than losing the refund it reports.
 */
async function retriedWhileUnavailable<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run()
    } catch (e) {
      if ((e as { code?: string }).code !== PROVIDER_UNAVAILABLE || attempt >= RETRY_WAITS_MS.length) {
        throw e
      }
      await wait(RETRY_WAITS_MS[attempt])
    }
  }
}

export const config: SubscriberConfig = {
  event: PaymentWebhookEvents.WebhookReceived,
  context: { subscriberId: "payment-webhook-bookkeeping" },
}
