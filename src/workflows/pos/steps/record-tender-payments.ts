import type { IPaymentModuleService } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { formatInr, paiseToAmount } from "../../../lib/money"
import { RAZORPAY_PROVIDER_ID } from "../../../lib/payment-settings"
import type { SettledTender } from "../../../lib/pos"

export type TenderPaymentsInput = {
  payment_collection_id: string
  sale_id: string
  order_display_id: number
  shop_branch: string
  tenders: SettledTender[]
  points: number
  points_paise: number
  customer: { id: string; name: string; email: string | null; phone: string | null }
}

export type RecordedTender = {
  kind: SettledTender["kind"] | "points"
  amount_paise: number
  tendered_paise: number
  reference: string | null
  payment_session_id: string
  payment_id: string | null
  capture_id: string | null
  status: "captured" | "pending"
}

export type RecordedLink = { payment_session_id: string; razorpay_payment_link_id: string; short_url: string; amount_paise: number; expires_at: Date | null }

type Undo = { payments: string[]; sessions: string[] }

async function undo(payments: IPaymentModuleService, done: Undo) {
  for (const id of done.payments) {
    await payments.cancelPayment(id)
  }
  for (const id of done.sessions) {
    // For a payment link this also cancels the link at Razorpay.
    await payments.deletePaymentSession(id)
  }
}

/**
 * Each tender of a counter sale becomes a Medusa payment on the order's
 * payment collection through its own provider (pp_instore_cash, _card, _upi,
 * _old_gold, _points: captured as it is recorded); a payment-link tender
 * becomes a Razorpay payment link for its amount, paid later. Undone by
 * cancelling the payments and removing the sessions (a link is cancelled).
 */
export const recordTenderPaymentsStep = createStep(
  "record-tender-payments",
  async (input: TenderPaymentsInput, { container }) => {
    const payments = container.resolve(Modules.PAYMENT)
    const done: Undo = { payments: [], sessions: [] }
    const recorded: RecordedTender[] = []
    let link: RecordedLink | null = null
    const lines = [
      ...input.tenders.map((t) => ({ kind: t.kind, amount: t.applied_paise, tendered: t.amount_paise, reference: t.reference ?? null })),
      ...(input.points ? [{ kind: "points" as const, amount: input.points_paise, tendered: input.points_paise, reference: `${input.points} points` }] : []),
    ]
    try {
      for (const line of lines) {
        const isLink = line.kind === "razorpay_link"
        const session = await payments.createPaymentSession(input.payment_collection_id, {
          provider_id: isLink ? RAZORPAY_PROVIDER_ID : `pp_instore_${line.kind}`,
          currency_code: "inr",
          amount: paiseToAmount(line.amount),
          data: isLink
            ? {
                mode: "payment_link",
                description: `Balance of ${formatInr(line.amount)} for order #${input.order_display_id} at ${input.shop_branch}`,
                customer: { name: input.customer.name, ...(input.customer.email ? { email: input.customer.email } : {}), ...(input.customer.phone ? { contact: input.customer.phone } : {}) },
                notes: { pos_sale_id: input.sale_id },
              }
            : { tender: line.kind, reference: line.reference, tendered_paise: line.tendered, pos_sale_id: input.sale_id },
        })
        done.sessions.push(session.id)
        if (isLink) {
          const data = session.data as { razorpay_payment_link_id: string; short_url: string; expire_by?: number }
          link = {
            payment_session_id: session.id,
            razorpay_payment_link_id: data.razorpay_payment_link_id,
            short_url: data.short_url,
            amount_paise: line.amount,
            expires_at: data.expire_by ? new Date(data.expire_by * 1000) : null,
          }
          recorded.push({ kind: line.kind, amount_paise: line.amount, tendered_paise: line.tendered, reference: data.razorpay_payment_link_id, payment_session_id: session.id, payment_id: null, capture_id: null, status: "pending" })
          continue
        }
        const payment = await payments.authorizePaymentSession(session.id, {})
        if (!payment) {
          throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `The ${line.kind} payment was not recorded`)
        }
        done.payments.push(payment.id)
        const [withCaptures] = await payments.listPayments({ id: payment.id }, { relations: ["captures"] })
        recorded.push({
          kind: line.kind,
          amount_paise: line.amount,
          tendered_paise: line.tendered,
          reference: line.reference,
          payment_session_id: session.id,
          payment_id: payment.id,
          capture_id: withCaptures?.captures?.[0]?.id ?? null,
          status: "captured",
        })
      }
    } catch (err) {
      await undo(payments, done)
      throw err
    }
    return new StepResponse({ tenders: recorded, link }, done)
  },
  async (done, { container }) => {
    if (done) {
      await undo(container.resolve(Modules.PAYMENT), done)
    }
  }
)
