import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { POS_MODULE } from "../../../modules/pos"
import type PosModuleService from "../../../modules/pos/service"

export type RecordPaymentLinkInput = {
  order_id: string
  customer_id: string | null
  payment_collection_id: string
  payment_session_id: string
  razorpay_payment_link_id: string
  short_url: string
  amount_paise: number
  expires_at: Date | null
  channel: "sms" | "whatsapp" | null
  user_id: string | null
}

/** The link's record (listed with the order, marked paid by its webhook). Undone by removing it. */
export const recordPaymentLinkStep = createStep(
  "record-payment-link",
  async (input: RecordPaymentLinkInput, { container }) => {
    const link = await container.resolve<PosModuleService>(POS_MODULE).createPaymentLinks(input)
    return new StepResponse({ id: link.id }, link.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<PosModuleService>(POS_MODULE).deletePaymentLinks(id)
    }
  }
)
