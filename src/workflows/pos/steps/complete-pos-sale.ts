import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { POS_MODULE } from "../../../modules/pos"
import type PosModuleService from "../../../modules/pos/service"
import type { Settlement } from "../../../lib/pos"
import type { RecordedLink, RecordedTender } from "./record-tender-payments"

export type CompletePosSaleInput = {
  sale_id: string
  order_id: string
  payment_collection_id: string
  branch_id: string
  customer_id: string
  user_id: string | null
  points: number
  settlement: Settlement
  tenders: RecordedTender[]
  link: RecordedLink | null
  link_channel: "sms" | "whatsapp" | null
}

/**
 * The sale's record: its order, totals, tenders and payment link, returned
 * as written (the answer is made from them). Undone by removing what it
 * added and reopening the claim.
 */
export const completePosSaleStep = createStep(
  "complete-pos-sale",
  async (input: CompletePosSaleInput, { container }) => {
    const pos = container.resolve<PosModuleService>(POS_MODULE)
    const s = input.settlement
    const sale = await pos.updatePosSales({
      id: input.sale_id,
      status: "completed",
      order_id: input.order_id,
      total_paise: s.total_paise,
      points: input.points,
      points_paise: s.points_paise,
      cash_tendered_paise: s.cash_tendered_paise,
      cash_kept_paise: s.cash_kept_paise,
      change_paise: s.change_paise,
      pending_paise: s.pending_paise,
      completed_at: new Date(),
    })
    const tenders = await pos.createPosTenders(
      input.tenders.map((t) => ({
        sale_id: input.sale_id,
        kind: t.kind,
        amount_paise: t.amount_paise,
        tendered_paise: t.tendered_paise,
        reference: t.reference,
        status: t.status,
        branch_id: input.branch_id,
        customer_id: input.customer_id,
        order_id: input.order_id,
        payment_session_id: t.payment_session_id,
        payment_id: t.payment_id,
      }))
    )
    const link = input.link
      ? await pos.createPaymentLinks({
          order_id: input.order_id,
          customer_id: input.customer_id,
          payment_collection_id: input.payment_collection_id,
          payment_session_id: input.link.payment_session_id,
          razorpay_payment_link_id: input.link.razorpay_payment_link_id,
          short_url: input.link.short_url,
          amount_paise: input.link.amount_paise,
          expires_at: input.link.expires_at,
          channel: input.link_channel,
          sale_id: input.sale_id,
          user_id: input.user_id,
        })
      : null
    return new StepResponse({ sale: { ...sale, tenders }, link }, { sale_id: input.sale_id, tender_ids: tenders.map((t) => t.id), link_id: link?.id ?? null })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const pos = container.resolve<PosModuleService>(POS_MODULE)
    if (undo.link_id) {
      await pos.deletePaymentLinks(undo.link_id)
    }
    await pos.deletePosTenders(undo.tender_ids)
    await pos.updatePosSales({ id: undo.sale_id, status: "processing", order_id: null, completed_at: null })
  }
)
