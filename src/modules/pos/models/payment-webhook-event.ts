import { model } from "@medusajs/framework/utils"

/**
 * A payment provider's webhook delivery, kept once per event id (a
 * redelivery is answered without being processed again), with what it was
 * about: failed payments are reported by the reconciliation from here.
 */
export const PaymentWebhookEvent = model
  .define("payment_webhook_event", {
    id: model.id({ prefix: "pwhe" }).primaryKey(),
    provider: model.text(),
    event_id: model.text(),
    event: model.text(),
    /** The provider's payment, order and refund ids it carried. */
    provider_payment_id: model.text().nullable(),
    provider_order_id: model.text().nullable(),
    provider_refund_id: model.text().nullable(),
    payment_session_id: model.text().nullable(),
    amount_paise: model.bigNumber().nullable(),
    currency_code: model.text().nullable(),
    /** Why a payment failed, as the provider put it. */
    reason: model.text().nullable(),
    occurred_at: model.dateTime(),
    processed_at: model.dateTime().nullable(),
    result: model.text().nullable(),
  })
  .indexes([
    { on: ["provider", "event_id"], unique: true },
    { on: ["event", "occurred_at"] },
    { on: ["provider_payment_id"] },
  ])
