import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { expiryFor, pointsEarned, tierFor } from "../../../lib/loyalty"
import { amountToPaise } from "../../../lib/money"
import { orderPaymentState } from "../../../lib/paid-orders"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import type { PostEntryInput } from "../../../modules/loyalty/service"
import { ORDER_PAYMENT_FIELDS, orderPaymentFacts } from "../../payments/utils/order-payments"

type OrderRow = Parameters<typeof orderPaymentFacts>[0] & {
  id: string
  customer_id: string | null
  created_at: string
  item_subtotal: number
  items?: { quantity: number; variant_id: string | null; subtotal: number }[]
}

/**
 * What an order earns: the basis (its taxable value, or only the making
 * charges of its pieces) at the program's rate and the customer's tier
 * multiplier (the tier just set by update-loyalty-tier). Null when the
 * order earns nothing (no customer, not paid or cancelled, a basis under
 * ₹100): points are earned once the payment is captured (src/lib/paid-orders).
 */
export const computeOrderEarningStep = createStep(
  "compute-order-earning",
  async ({ order_id: orderId, tier: tierName }: { order_id: string; tier: string | null }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      // An order line's quantity is only filled in when its detail is asked for too.
      fields: ["id", "customer_id", "created_at", "item_subtotal", "items.quantity", "items.detail.quantity", "items.variant_id", ...ORDER_PAYMENT_FIELDS],
      filters: { id: orderId },
    })
    const order = data[0] as unknown as OrderRow | undefined
    if (!order?.customer_id || orderPaymentState(orderPaymentFacts(order)) !== "paid") {
      return new StepResponse(null as PostEntryInput | null)
    }
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const program = await loyalty.currentProgram()
    let basisPaise = amountToPaise(order.item_subtotal)
    if (program.earn_basis === "making_charges") {
      const variantIds = (order.items ?? []).map((i) => i.variant_id).filter((id): id is string => !!id)
      const { data: pieces } = variantIds.length
        ? await query.graph({ entity: "product_variant", fields: ["id", "jewelry_attributes.breakdown"], filters: { id: variantIds } })
        : { data: [] }
      const making = new Map(
        (pieces as { id: string; jewelry_attributes?: { breakdown?: { making_charge?: number } | null } | null }[]).map((p) => [
          p.id,
          p.jewelry_attributes?.breakdown?.making_charge ?? 0,
        ])
      )
      basisPaise = (order.items ?? []).reduce((sum, i) => sum + (i.variant_id ? (making.get(i.variant_id) ?? 0) * i.quantity : 0), 0)
    }
    const tier = program.tiers.find((t) => t.name === tierName) ?? tierFor(0, program.tiers)
    const points = pointsEarned(basisPaise, program, tier.multiplier_bp)
    if (points <= 0) {
      return new StepResponse(null as PostEntryInput | null)
    }
    return new StepResponse({
      customer_id: order.customer_id,
      type: "earn",
      points,
      idempotency_key: `order:${order.id}:earn`,
      order_id: order.id,
      expires_at: expiryFor(new Date(order.created_at), program),
      reason: `${points} points for order (${tier.name})`,
    } as PostEntryInput | null)
  }
)
