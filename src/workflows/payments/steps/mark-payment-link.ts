import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { POS_MODULE } from "../../../modules/pos"
import type PosModuleService from "../../../modules/pos/service"

export type PaymentLinkOutcome = { razorpay_payment_link_id: string; status: "paid" | "expired" | "cancelled" }

/**
 * What became of a payment link (Razorpay's payment_link.paid, .expired,
 * .cancelled): the link is marked so, once, and when paid the counter-sale
 * tender it was too (the payment itself is Medusa's). A paid link stays
 * paid. Undone by putting them back. Says which payment collection an
 * unpaid link leaves behind to cancel.
 */
export const markPaymentLinkStep = createStep(
  "mark-payment-link",
  async (input: PaymentLinkOutcome, { container }) => {
    const pos = container.resolve<PosModuleService>(POS_MODULE)
    const [link] = await pos.listPaymentLinks({ razorpay_payment_link_id: input.razorpay_payment_link_id }, { take: 1 })
    if (!link || link.status === "paid" || link.status === input.status) {
      return new StepResponse({ marked: false, order_id: link?.order_id ?? null, payment_collection_id: null as string | null }, null)
    }
    await pos.updatePaymentLinks({ id: link.id, status: input.status, ...(input.status === "paid" ? { paid_at: new Date() } : {}) })
    const tenders = input.status === "paid" ? await pos.listPosTenders({ payment_session_id: link.payment_session_id, status: "pending" }) : []
    if (tenders.length) {
      await pos.updatePosTenders(tenders.map((t) => ({ id: t.id, status: "captured" as const })))
    }
    // A link sent on its own has its own payment collection, which goes with it; a counter sale's link shares the sale's.
    const ownCollection = input.status !== "paid" && !link.sale_id ? link.payment_collection_id : null
    return new StepResponse({ marked: true, order_id: link.order_id, payment_collection_id: ownCollection }, { link_id: link.id, status: link.status, tender_ids: tenders.map((t) => t.id) })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const pos = container.resolve<PosModuleService>(POS_MODULE)
    await pos.updatePaymentLinks({ id: undo.link_id, status: undo.status, paid_at: null })
    if (undo.tender_ids.length) {
      await pos.updatePosTenders(undo.tender_ids.map((id) => ({ id, status: "pending" as const })))
    }
  }
)
