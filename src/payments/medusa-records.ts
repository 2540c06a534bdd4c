/**
 * What Medusa's payment module has recorded, as its providers may read it.
 *
 * Medusa hands a provider only the capture's id (as the idempotency key)
 * when it captures, not the amount; and a provider processing a webhook
 * must know whether Medusa already recorded the capture the webhook
 * reports. Providers run inside the payment module, whose container holds
 * the module's own services for its records (payment, capture); these read
 * them. Without those services every answer is "unknown".
 */
import type { BigNumberInput } from "@medusajs/framework/types"
import { amountToPaise } from "../lib/money"

type Amountish = { raw_amount?: BigNumberInput; amount?: BigNumberInput }
type InternalService<T> = {
  retrieve(id: string, config?: Record<string, unknown>): Promise<T>
  list(filters: Record<string, unknown>, config?: Record<string, unknown>): Promise<T[]>
}

/** The part of the payment module's container the readers use. */
export type PaymentModuleRecords = {
  paymentService?: InternalService<{ id: string; captures?: Amountish[] }>
  captureService?: InternalService<Amountish & { id: string; payment_id?: string; payment?: { id: string } }>
}

const minorOf = (a: Amountish) => amountToPaise((a.raw_amount ?? a.amount) as BigNumberInput)

/** The amount (in minor units) and payment of the capture Medusa is making, when it can be read. */
export async function captureBeingMade(records: PaymentModuleRecords, captureId: string | undefined): Promise<{ minor: number; payment_id?: string } | undefined> {
  if (!captureId || !records.captureService) {
    return undefined
  }
  try {
    const capture = await records.captureService.retrieve(captureId, { select: ["id", "amount", "raw_amount", "payment_id"] })
    return { minor: minorOf(capture), payment_id: capture.payment_id ?? capture.payment?.id }
  } catch {
    return undefined
  }
}

/** What Medusa has recorded as captured on a payment, in minor units (this capture included). */
export async function capturedOnPayment(records: PaymentModuleRecords, paymentId: string): Promise<number | undefined> {
  if (!records.paymentService) {
    return undefined
  }
  const payment = await records.paymentService.retrieve(paymentId, { relations: ["captures"] })
  return (payment.captures ?? []).reduce((sum, c) => sum + minorOf(c), 0)
}

/** Whether Medusa has recorded any capture for a session's payment. */
export async function sessionHasCapture(records: PaymentModuleRecords, sessionId: string): Promise<boolean> {
  if (!records.paymentService) {
    return false
  }
  const [payment] = await records.paymentService.list({ payment_session_id: sessionId }, { relations: ["captures"], take: 1 })
  return !!payment?.captures?.length
}

/**
 * Whether Medusa keeps a payment for the session. When Medusa cancels a
 * provider payment without naming a Medusa payment, it is undoing an
 * authorisation it could not record — because another run (a concurrent
 * webhook) recorded it first; that money must not be given back.
 */
export async function sessionHasPayment(records: PaymentModuleRecords, sessionId: string): Promise<boolean> {
  if (!records.paymentService) {
    return false
  }
  const [payment] = await records.paymentService.list({ payment_session_id: sessionId, canceled_at: null }, { take: 1 })
  return !!payment
}
