import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { tierFor } from "../../../lib/loyalty"
import { amountToPaise } from "../../../lib/money"
import { isOrderPaid } from "../../../lib/paid-orders"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import { ORDER_PAYMENT_FIELDS, orderPaymentFacts } from "../../payments/utils/order-payments"

const YEAR_MS = 365 * 86_400_000

/**
 * Places the customer in the tier their spend of the last 12 months reaches
 * (paid orders only, src/lib/paid-orders):
 * up, before a new order's points are counted (the order included), or down,
 * when the daily review finds old spend has left the window. Given an order
 * id or a customer id. Compensation puts the previous tier back.
 */
export type TierPlacement = { customer_id: string; tier: string; previous_tier: string | null } | null

export const updateLoyaltyTierStep = createStep(
  "update-loyalty-tier",
  async (input: { order_id?: string; customer_id?: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    let customerId = input.customer_id ?? null
    if (input.order_id) {
      const { data: orders } = await query.graph({ entity: "order", fields: ["customer_id"], filters: { id: input.order_id } })
      customerId = (orders[0] as { customer_id?: string | null } | undefined)?.customer_id ?? null
    }
    if (!customerId) {
      return new StepResponse(null as TierPlacement, null)
    }
    const { data } = await query.graph({
      entity: "order",
      fields: ["total", ...ORDER_PAYMENT_FIELDS],
      filters: { customer_id: customerId, created_at: { $gte: new Date(Date.now() - YEAR_MS) } },
    })
    const placed = (data as unknown as ({ total: number } & Parameters<typeof orderPaymentFacts>[0])[]).filter((o) => isOrderPaid(orderPaymentFacts(o)))
    const spendPaise = placed.length ? amountToPaise(MathBN.sum(...placed.map((o) => o.total))) : 0
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const tier = tierFor(spendPaise, (await loyalty.currentProgram()).tiers).name
    const before = await loyalty.setTier(customerId, tier)
    return new StepResponse<TierPlacement, { customer_id: string; tier: string } | null>(
      { customer_id: customerId, tier, previous_tier: before },
      before && before !== tier ? { customer_id: customerId, tier: before } : null
    )
  },
  async (previous, { container }) => {
    if (previous) {
      await container.resolve<LoyaltyModuleService>(LOYALTY_MODULE).setTier(previous.customer_id, previous.tier)
    }
  }
)
