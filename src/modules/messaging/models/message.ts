import { model } from "@medusajs/framework/utils"

/**
 * One SMS, WhatsApp message or email, stored before it is sent (the outbox) and
 * followed to its delivery by the provider's status callbacks. The
 * idempotency key makes queueing the same message twice a no-op.
 *
 * queued → sending → sent → delivered → read, or failed / undelivered;
 * not_sent when it was never meant to leave (no consent, no phone, no
 * provider), with the reason.
 */
export const Message = model
  .define("message", {
    id: model.id({ prefix: "msg" }).primaryKey(),
    customer_id: model.text().nullable(),
    /** A staff recipient (follow-up reminders). */
    user_id: model.text().nullable(),
    /** E.164, or an email address for email. */
    to: model.text().nullable(),
    channel: model.enum(["sms", "whatsapp", "email"]),
    /** An email's subject. */
    subject: model.text().nullable(),
    event: model.text(),
    kind: model.enum(["transactional", "promotional"]),
    language: model.text().default("en"),
    body: model.text(),
    /** A WhatsApp content template (Twilio content SID) sent instead of the body. */
    content_sid: model.text().nullable(),
    variables: model.json().nullable(),
    status: model
      .enum(["queued", "sending", "sent", "delivered", "read", "failed", "undelivered", "not_sent"])
      .default("queued"),
    /** Why it was not sent, or the provider's last error. */
    reason: model.text().nullable(),
    error_code: model.text().nullable(),
    provider: model.text().nullable(),
    provider_message_id: model.text().nullable(),
    attempts: model.number().default(0),
    /** When a queued message may next be tried (quiet hours, back-off); of one being sent, when its lease ends. */
    next_attempt_at: model.dateTime().nullable(),
    sent_at: model.dateTime().nullable(),
    delivered_at: model.dateTime().nullable(),
    idempotency_key: model.text(),
  })
  .indexes([
    { on: ["idempotency_key"], unique: true },
    { on: ["provider_message_id"], unique: true, where: "provider_message_id IS NOT NULL" },
    { on: ["status", "next_attempt_at"] },
    { on: ["customer_id", "created_at"] },
    { on: ["event", "created_at"] },
  ])
