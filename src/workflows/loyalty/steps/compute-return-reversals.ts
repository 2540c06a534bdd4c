import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { pointsForPart } from "../../../lib/loyalty"
import { amountToPaise } from "../../../lib/money"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"

export type PointsReversal = { entry_id: string; points: number; idempotency_key: string; reason: string }

type ReturnRow = { id: string; order_id: string; items?: { item_id: string; quantity: number; received_quantity?: number | null }[] }
type OrderRow = { id: string; display_id?: number; items?: { id: string; unit_price: number; quantity: number }[] }

/**
 * What a received return undoes, in proportion to the value of the pieces
 * returned (unit price × quantity received) in the order's item value: that
 * share of the points the order earned is taken back, and that share of the
 * points that paid for it is given back. Keyed by return and entry.
 */
export const computeReturnReversalsStep = createStep("compute-return-reversals", async ({ return_id }: { return_id: string }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: returns } = await query.graph({
    entity: "return",
    fields: ["id", "order_id", "items.item_id", "items.quantity", "items.received_quantity"],
    filters: { id: return_id },
  })
  const ret = returns[0] as unknown as ReturnRow | undefined
  if (!ret) {
    return new StepResponse([] as PointsReversal[])
  }
  const { data: orders } = await query.graph({
    entity: "order",
    // An order line's quantity is only filled in when its detail is asked for too.
    fields: ["id", "display_id", "items.id", "items.unit_price", "items.quantity", "items.detail.quantity"],
    filters: { id: ret.order_id },
  })
  const order = orders[0] as unknown as OrderRow | undefined
  const items = new Map((order?.items ?? []).map((i) => [i.id, i]))
  const wholePaise = (order?.items ?? []).reduce((sum, i) => sum + amountToPaise(MathBN.mult(i.unit_price, i.quantity)), 0)
  const partPaise = (ret.items ?? []).reduce((sum, r) => {
    const item = items.get(r.item_id)
    const quantity = r.received_quantity && Number(r.received_quantity) > 0 ? r.received_quantity : r.quantity
    return item ? sum + amountToPaise(MathBN.mult(item.unit_price, quantity)) : sum
  }, 0)

  const reversals = await orderPointsReversals(container.resolve(LOYALTY_MODULE), ret.order_id, (entry, open) => ({
    points: pointsForPart(entry.points, partPaise, wholePaise, open),
    idempotency_key: `return:${ret.id}:${entry.id}`,
    reason: entry.type === "earn" ? `pieces returned from order #${order?.display_id ?? ""}` : `points given back: pieces returned from order #${order?.display_id ?? ""}`,
  }))
  return new StepResponse(reversals)
})

/**
 * The reversals of an order's earn and redeem entries that `plan` decides,
 * knowing how much of each entry is still open (not reversed before).
 */
export async function orderPointsReversals(
  loyalty: LoyaltyModuleService,
  orderId: string,
  plan: (entry: { id: string; type: string; points: number }, open: number) => Omit<PointsReversal, "entry_id">
): Promise<PointsReversal[]> {
  const entries = await loyalty.listPointsEntries({ order_id: orderId, type: ["earn", "redeem"] })
  const undone = entries.length ? await loyalty.listPointsEntries({ reverses_entry_id: entries.map((e) => e.id) }, { select: ["reverses_entry_id", "points"] }) : []
  const reversals: PointsReversal[] = []
  for (const entry of entries) {
    const open = Math.abs(entry.points) - undone.filter((u) => u.reverses_entry_id === entry.id).reduce((sum, u) => sum + Math.abs(u.points), 0)
    const planned = plan(entry, open)
    if (planned.points > 0 && planned.points <= open) {
      reversals.push({ entry_id: entry.id, ...planned })
    }
  }
  return reversals
}
