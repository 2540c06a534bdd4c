import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { diffFields } from "../../lib/audit"
import { recordAudit } from "./audit"

type PaymentRow = { id: string; amount: unknown; currency_code: string; payment_collection_id?: string; refunds?: { id: string; amount: unknown }[] }

async function refundState(req: MedusaRequest, id: string) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "payment",
    fields: ["id", "amount", "currency_code", "payment_collection_id", "refunds.id", "refunds.amount"],
    filters: { id },
  })
  const payment = data[0] as PaymentRow | undefined
  if (!payment) {
    return undefined
  }
  const refunds = payment.refunds ?? []
  return {
    payment,
    state: { refunded_amount: refunds.reduce((sum, r) => sum + Number(r.amount), 0), refund_count: refunds.length },
    refund_ids: refunds.map((r) => r.id),
  }
}

/**
 * Around Medusa's POST /admin/payments/:id/refund: notes the payment's
 * refunded total before, and once the route has answered 200, records
 * "payment.refunded" with the total before → after and the new refund.
 */
export async function auditMedusaRefunds(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const id = req.params.id
  const before = await refundState(req, id).catch(() => undefined)
  res.on("finish", () => {
    if (res.statusCode !== 200 || !before) {
      return
    }
    void (async () => {
      const after = await refundState(req, id)
      if (!after) {
        return
      }
      const body = ((req as { validatedBody?: unknown }).validatedBody ?? req.body ?? {}) as { amount?: unknown; note?: string; refund_reason_id?: string }
      await recordAudit(req.scope, req, {
        action: "payment.refunded",
        entity: "payment",
        entity_id: id,
        changes: diffFields(before.state, after.state, ["refunded_amount", "refund_count"]),
        metadata: {
          currency_code: after.payment.currency_code,
          amount: body.amount ?? null,
          note: body.note ?? null,
          refund_reason_id: body.refund_reason_id ?? null,
          refund_ids: after.refund_ids.filter((r) => !before.refund_ids.includes(r)),
          payment_collection_id: after.payment.payment_collection_id ?? null,
          via: "admin",
        },
      })
    })().catch((e) => req.scope.resolve(ContainerRegistrationKeys.LOGGER).error(`Refund of ${id} not audited: ${(e as Error).message}`))
  })
  next()
}
