import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { redemptionProblem } from "../../lib/loyalty"
import { amountToPaise } from "../../lib/money"
import { LOYALTY_MODULE } from "../../modules/loyalty"
import type LoyaltyModuleService from "../../modules/loyalty/service"

export type CompletingCart = { id: string; total: number; customer?: { id: string } | null; promotions?: { id: string; code?: string | null }[] }

/**
 * Points on a cart leave the balance as the cart is completed, under the
 * account lock: a balance spent elsewhere since they were applied stops the
 * completion with a clear message, and nothing is taken. Returns the
 * redemption deducted now (null when none, or when it was deducted before),
 * for `restoreCartPoints` to give back if a later step of the completion
 * fails; a completion that dies outright is put right by the
 * settle-cart-points job.
 */
export async function deductCartPoints(container: MedusaContainer, cart: CompletingCart): Promise<string | null> {
  const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  const promotionIds = (cart.promotions ?? []).map((p) => p.id)
  if (promotionIds.length) {
    const foreign = (await loyalty.listCartRedemptions({ promotion_id: promotionIds }, { select: ["cart_id"] })).filter((r) => r.cart_id !== cart.id)
    if (foreign.length) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "A points discount of another cart cannot be used on this one")
    }
  }
  const [redemption] = await loyalty.listCartRedemptions({ cart_id: cart.id, status: ["applied", "deducted"] })
  if (!redemption) {
    return null
  }
  if (!promotionIds.includes(redemption.promotion_id)) {
    // The code was taken off through Medusa's own promotions route: no discount, so no points.
    await loyalty.updateCartRedemptions({ id: redemption.id, status: "released" })
    return null
  }
  if (cart.customer?.id !== redemption.customer_id) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The points on this cart belong to another customer; remove them to continue")
  }
  const program = await loyalty.currentProgram()
  const share = redemptionProblem(redemption.points, null, program, amountToPaise(cart.total) + redemption.value_paise)
  if (share) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `The cart changed after the points were applied: ${share}. Apply the points again.`)
  }
  try {
    const deducted = await loyalty.deductCartRedemption(redemption.id, program.min_balance_to_redeem)
    return deducted.replayed ? null : redemption.id
  } catch (err) {
    if (err instanceof MedusaError && err.type === MedusaError.Types.NOT_ALLOWED) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `The ${redemption.points} points on this cart are no longer available (${err.message.charAt(0).toLowerCase()}${err.message.slice(1)}); remove them or apply fewer`
      )
    }
    throw err
  }
}

/** Gives back the points a failed completion had deducted. */
export async function restoreCartPoints(container: MedusaContainer, redemptionId: string) {
  await container.resolve<LoyaltyModuleService>(LOYALTY_MODULE).restoreCartRedemption(redemptionId, "retry", "points given back: the cart completion failed")
}
