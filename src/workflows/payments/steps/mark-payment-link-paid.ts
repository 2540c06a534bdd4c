import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { POS_MODULE } from "../../../modules/pos"
import type PosModuleService from "../../../modules/pos/service"

/**
 * A payment link the customer paid: the link and the counter-sale tender it
 * was are marked paid (once; the payment itself is Medusa's). Undone by
 * putting them back.
 */
export const markPaymentLinkPaidStep = createStep(
  "mark-payment-link-paid",
  async (input: { razorpay_payment_link_id: string }, { container }) => {
    const pos = container.resolve<PosModuleService>(POS_MODULE)
    const [link] = await pos.listPaymentLinks({ razorpay_payment_link_id: input.razorpay_payment_link_id }, { take: 1 })
    if (!link || link.status === "paid") {
      return new StepResponse({ marked: false, order_id: link?.order_id ?? null }, null)
    }
    await pos.updatePaymentLinks({ id: link.id, status: "paid", paid_at: new Date() })
    const tenders = await pos.listPosTenders({ payment_session_id: link.payment_session_id, status: "pending" })
    if (tenders.length) {
      await pos.updatePosTenders(tenders.map((t) => ({ id: t.id, status: "captured" as const })))
    }
    return new StepResponse({ marked: true, order_id: link.order_id }, { link_id: link.id, status: link.status, tender_ids: tenders.map((t) => t.id) })
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
