import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { amountToPaise, rupeesToPaise } from "../../../lib/money"
import type { RedeemPointsBodyType } from "./validators"
import { branchScope } from "../../utils/access"

type PointsMove = {
  replayed: boolean
  balance: unknown
  entry: { id: string; points: unknown; idempotency_key: string; reason?: string | null; order_id?: string | null; branch_id?: string | null }
}

/** The audit entry of a points adjustment or redemption: the balance before and after, and the ledger entry. */
export function pointsAuditEntry(action: "loyalty_points.adjusted" | "loyalty_points.redeemed", customerId: string, move: PointsMove) {
  const points = Number(move.entry.points)
  const balance = Number(move.balance)
  return {
    action,
    entity: "customer",
    entity_id: customerId,
    branch_id: move.entry.branch_id ?? null,
    changes: { points_balance: { before: balance - points, after: balance } },
    metadata: { points, ledger_entry_id: move.entry.id, idempotency_key: move.entry.idempotency_key, reason: move.entry.reason ?? null, order_id: move.entry.order_id ?? null },
  }
}

/**
 * The bill an in-store redemption pays part of, with what the server can
 * derive derived: for an order of the shop, its total and branch come from
 * the order (a client value that differs is refused); for a bill outside the
 * shop's orders, its total is required (the programme's share limit applies
 * to it) and the branch must be one of the user's (their only one by default).
 */
export async function redemptionBill(
  req: MedusaRequest,
  body: Pick<RedeemPointsBodyType, "order_id" | "order_total" | "branch_id">
): Promise<{ total_paise: number; order_id: string | null; branch_id: string | null }> {
  const scope = await branchScope(req)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  if (body.order_id) {
    const { data } = await query.graph({ entity: "order", fields: ["id", "total", "sales_channel_id"], filters: { id: body.order_id } })
    const order = data[0] as { id: string; total: unknown; sales_channel_id?: string | null } | undefined
    const { data: branches } = order?.sales_channel_id
      ? await query.graph({ entity: "branch", fields: ["id", "sales_channel.id"], filters: {} })
      : { data: [] }
    const branchId =
      (branches as unknown as { id: string; sales_channel?: { id: string } | null }[]).find((b) => b.sales_channel?.id === order?.sales_channel_id)?.id ?? null
    if (!order || (scope && (!branchId || !scope.includes(branchId)))) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order "${body.order_id}" was not found${scope ? " at your branches" : ""}`)
    }
    const total = amountToPaise(order.total as number)
    if (body.order_total !== undefined && rupeesToPaise(body.order_total) !== total) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `order_total ${body.order_total} is not the order's total (${total / 100}); leave it out`)
    }
    if (body.branch_id !== undefined && body.branch_id !== branchId) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `branch_id is not the order's branch; leave it out`)
    }
    return { total_paise: total, order_id: order.id, branch_id: branchId }
  }
  if (body.order_total === undefined) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Give the bill: order_id of a shop order, or order_total of a bill in rupees")
  }
  let branchId = body.branch_id ?? null
  if (scope) {
    branchId ??= scope.length === 1 ? scope[0] : null
    if (!branchId || !scope.includes(branchId)) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, branchId ? `Branch "${branchId}" is not one of yours` : "Give branch_id: the branch of the bill")
    }
  }
  return { total_paise: rupeesToPaise(body.order_total), order_id: null, branch_id: branchId }
}
