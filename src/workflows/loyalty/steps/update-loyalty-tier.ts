import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { tierFor } from "../../../lib/loyalty"
import { amountToPaise } from "../../../lib/money"
import { isOrderPaid } from "../../../lib/paid-orders"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import { customerOrdersWithTotals, orderPaymentFacts } from "../../payments/utils/order-payments"

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
    const since = new Date(Date.now() - YEAR_MS)
    const { customer_id: customerId, orders } = await customerOrdersWithTotals(
      container,
      input.order_id ? { order_id: input.order_id } : { customer_id: input.customer_id! },
      since
    )
    if (!customerId) {
      return new StepResponse(null as TierPlacement, null)
    }
    const placed = orders.filter((o) => isOrderPaid(orderPaymentFacts(o)))
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
