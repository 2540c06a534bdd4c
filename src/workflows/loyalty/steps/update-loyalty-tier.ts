import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { tierFor } from "../../../lib/loyalty"
import { amountToPaise } from "../../../lib/money"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"

const YEAR_MS = 365 * 86_400_000

/**
 * Places the customer in the tier their spend of the last 12 months reaches
 * (this order included), before the order's points are counted. Compensation
 * puts the previous tier back.
 */
export const updateLoyaltyTierStep = createStep(
  "update-loyalty-tier",
  async (orderId: string, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: orders } = await query.graph({ entity: "order", fields: ["customer_id"], filters: { id: orderId } })
    const customerId = (orders[0] as { customer_id?: string | null } | undefined)?.customer_id
    if (!customerId) {
      return new StepResponse(null as string | null, null)
    }
    const { data } = await query.graph({
      entity: "order",
      fields: ["total", "status"],
      filters: { customer_id: customerId, created_at: { $gte: new Date(Date.now() - YEAR_MS) } },
    })
    const placed = (data as { total: number; status: string }[]).filter((o) => o.status !== "canceled" && o.status !== "draft")
    const spendPaise = placed.length ? amountToPaise(MathBN.sum(...placed.map((o) => o.total))) : 0
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const tier = tierFor(spendPaise, (await loyalty.currentProgram()).tiers).name
    const before = await loyalty.setTier(customerId, tier)
    return new StepResponse(tier as string | null, before && before !== tier ? { customer_id: customerId, tier: before } : null)
  },
  async (previous, { container }) => {
    if (previous) {
      await container.resolve<LoyaltyModuleService>(LOYALTY_MODULE).setTier(previous.customer_id, previous.tier)
    }
  }
)
