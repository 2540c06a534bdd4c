import { PromotionActions } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, deletePromotionsStep, releaseLockStep, updateCartPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { runLockOwner } from "../../locking"
import { loadCartForRedemptionStep } from "../steps/load-cart-for-redemption"
import { releaseCartRedemptionStep } from "../steps/release-cart-redemption"

export type RemoveLoyaltyFromCartInput = {
  cart_id: string
  customer_id: string
  /**
   * Set by the recovery job for a cart whose completion deducted the points
   * and then died before the order was created: the points go back too.
   */
  abandoned?: boolean
}

/**
 * Takes the points off a cart: the discount code leaves the cart (Medusa
 * recomputes its totals), the promotion is deleted, the redemption released.
 * Removing when nothing is applied changes nothing.
 */
export const removeLoyaltyFromCartWorkflow = createWorkflow("remove-loyalty-from-cart", (input: RemoveLoyaltyFromCartInput) => {
  const lockOwner = runLockOwner()
  acquireLockStep({ key: input.cart_id, timeout: 2, ttl: 10, ownerId: lockOwner })
  const found = loadCartForRedemptionStep(
    transform({ input }, ({ input }) => ({ cart_id: input.cart_id, customer_id: input.customer_id, allow_deducted: !!input.abandoned }))
  )
  when({ found }, ({ found }) => !!found.redemption).then(() => {
    updateCartPromotionsWorkflow.runAsStep({
      input: transform({ input, found }, ({ input, found }) => ({
        cart_id: input.cart_id,
        promo_codes: [found.redemption!.promotion_code],
        action: PromotionActions.REMOVE,
        force_refresh_payment_collection: true,
      })),
    })
    releaseCartRedemptionStep(transform({ found }, ({ found }) => ({ id: found.redemption!.id, status: found.redemption!.status })))
    deletePromotionsStep(transform({ found }, ({ found }) => [found.redemption!.promotion_id]))
  })
  releaseLockStep({ key: input.cart_id, ownerId: lockOwner })
  return new WorkflowResponse(transform({ found }, ({ found }) => ({ removed: found.redemption })))
})
