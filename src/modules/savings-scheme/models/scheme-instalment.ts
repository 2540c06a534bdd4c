import { model } from "@medusajs/framework/utils"
import { SchemeEnrolment } from "./scheme-enrolment"

/**
 * One instalment received: its place in the schedule (1…n, once each), the day it was due and paid (India's
 * calendar), the tender, and for a weight scheme the fine gold it bought at that day's rate.
 */
export const SchemeInstalment = model
  .define("scheme_instalment", {
    id: model.id({ prefix: "schins" }).primaryKey(),
    enrolment: model.belongsTo(() => SchemeEnrolment, { mappedBy: "instalments_paid" }),
    idempotency_key: model.text(),
    sequence: model.number(),
    due_on: model.text(),
    paid_on: model.text(),
    amount_paise: model.bigNumber(),
    /** razorpay: paid online through a payment link (scheme_payment_link). */
    tender: model.enum(["cash", "card", "upi", "razorpay"]),
    reference: model.text().nullable(),
    fine_mg: model.number().nullable(),
    rate_per_g_paise: model.number().nullable(),
    branch_id: model.text(),
    user_id: model.text().nullable(),
  })
  .indexes([
    { on: ["idempotency_key"], unique: true },
    { on: ["enrolment_id", "sequence"], unique: true },
    { on: ["branch_id", "paid_on"] },
  ])
