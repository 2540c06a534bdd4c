import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LOYALTY_MODULE } from "../modules/loyalty"
import type LoyaltyModuleService from "../modules/loyalty/service"
import { removeLoyaltyFromCartWorkflow } from "../workflows/loyalty"

const STALE_AFTER_MINUTES = 15

/**
 * Points deducted by a cart completion that never finished (the process died
 * between the deduction and the order): if the order exists after all, the
 * points are filed under it; otherwise they go back to the customer and come
 * off the cart. Each case is keyed, so running twice changes nothing twice.
 */
export async function settleStaleCartRedemptions(container: MedusaContainer, { olderThanMinutes = STALE_AFTER_MINUTES } = {}) {
  const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const stale = await loyalty.listCartRedemptions(
    { status: "deducted", updated_at: { $lt: new Date(Date.now() - olderThanMinutes * 60_000) } },
    { select: ["id", "cart_id", "customer_id"], take: 200 }
  )
  const outcome = { placed: 0, released: 0 }
  for (const redemption of stale) {
    const { data } = await query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: redemption.cart_id } })
    const orderId = (data[0] as { order_id?: string } | undefined)?.order_id
    if (orderId) {
      await loyalty.settleCartRedemption(redemption.cart_id, orderId)
      outcome.placed += 1
      continue
    }
    await removeLoyaltyFromCartWorkflow(container).run({
      input: { cart_id: redemption.cart_id, customer_id: redemption.customer_id, abandoned: true },
    })
    outcome.released += 1
  }
  return outcome
}

/** Every 10 minutes. */
export default async function settleCartPoints(container: MedusaContainer) {
  const outcome = await settleStaleCartRedemptions(container)
  if (outcome.placed || outcome.released) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`loyalty: ${outcome.placed} interrupted cart completions filed under their orders, ${outcome.released} given back`)
  }
}

export const config = {
  name: "settle-cart-points",
  schedule: "*/10 * * * *",
}
