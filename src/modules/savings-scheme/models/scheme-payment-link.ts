import { model } from "@medusajs/framework/utils"

/**
 * A Razorpay payment link for a card's next instalment, sent to the customer (or opened by them on the
 * storefront). Paid, it becomes the card's next instalment once; a payment no instalment is left for (all
 * paid, the scheme matured or redeemed) stays here as `unapplied` with the reason, for the shop to refund.
 */
export const SchemePaymentLink = model
  .define("scheme_payment_link", {
    id: model.id({ prefix: "schlnk" }).primaryKey(),
    enrolment_id: model.text(),
    customer_id: model.text(),
    branch_id: model.text(),
    /** The instalment (1…n) the link pays. */
    sequence: model.number(),
    amount_paise: model.bigNumber(),
    razorpay_payment_link_id: model.text(),
    short_url: model.text(),
    status: model.enum(["created", "paid", "unapplied", "cancelled", "expired"]).default("created"),
    instalment_id: model.text().nullable(),
    razorpay_payment_id: model.text().nullable(),
    problem: model.text().nullable(),
    paid_at: model.dateTime().nullable(),
    channel: model.enum(["sms", "whatsapp"]).nullable(),
    requested_by: model.enum(["staff", "customer"]),
    user_id: model.text().nullable(),
  })
  .indexes([
    { on: ["razorpay_payment_link_id"], unique: true },
    { on: ["enrolment_id", "status"] },
  ])
