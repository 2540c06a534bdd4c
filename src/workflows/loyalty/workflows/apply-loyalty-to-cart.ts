import type { CreatePromotionDTO } from "@medusajs/framework/types"
import { PromotionActions } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  createPromotionsStep,
  deletePromotionsStep,
  releaseLockStep,
  updateCartPromotionsWorkflow,
} from "@medusajs/medusa/core-flows"
import { runLockOwner } from "../../locking"
import { paiseToAmount } from "../../../lib/money"
import { loadCartForRedemptionStep } from "../steps/load-cart-for-redemption"
import { planCartRedemptionStep } from "../steps/plan-cart-redemption"
import { saveCartRedemptionStep } from "../steps/save-cart-redemption"

export type ApplyLoyaltyToCartInput = { cart_id: string; customer_id: string; points: number }

/**
 * Puts points on the customer's cart as a discount through Medusa's promotion
 * machinery: a single-use promotion worth the points (tax included, so the
 * bill falls by exactly their value), limited to this customer, added to the
 * cart's codes in place of any points applied before. Nothing leaves the
 * balance until the cart is completed (see hooks/complete-cart).
 */
export const applyLoyaltyToCartWorkflow = createWorkflow("apply-loyalty-to-cart", (input: ApplyLoyaltyToCartInput) => {
  const lockOwner = runLockOwner()
  acquireLockStep({ key: input.cart_id, timeout: 2, ttl: 10, ownerId: lockOwner })
  const found = loadCartForRedemptionStep({ cart_id: input.cart_id, customer_id: input.customer_id })
  const plan = planCartRedemptionStep({ points: input.points, found })

  const promotions = createPromotionsStep(
    transform({ input, plan }, ({ input, plan }): CreatePromotionDTO[] => [
      {
        code: plan.code,
        type: "standard",
        status: "active",
        is_automatic: false,
        is_tax_inclusive: true,
        limit: 1,
        application_method: {
          type: "fixed",
          target_type: "order",
          allocation: "across",
          value: paiseToAmount(plan.value_paise),
          currency_code: "inr",
        },
        rules: [{ attribute: "customer.id", operator: "eq", values: [input.customer_id] }],
      },
    ])
  )

  updateCartPromotionsWorkflow.runAsStep({
    input: transform({ input, found, plan }, ({ input, found, plan }) => ({
      cart_id: input.cart_id,
      promo_codes: [...found.cart.promo_codes.filter((code) => code !== found.redemption?.promotion_code), plan.code],
      action: PromotionActions.REPLACE,
      force_refresh_payment_collection: true,
    })),
  })

  const redemption = saveCartRedemptionStep(
    transform({ input, found, plan, promotions }, ({ input, found, plan, promotions }) => ({
      cart_id: input.cart_id,
      customer_id: input.customer_id,
      points: plan.points,
      value_paise: plan.value_paise,
      promotion_id: promotions[0].id,
      promotion_code: plan.code,
      replaces: found.redemption?.id ?? null,
    }))
  )

  when({ found }, ({ found }) => !!found.redemption).then(() => {
    deletePromotionsStep(transform({ found }, ({ found }) => [found.redemption!.promotion_id]))
  })

  releaseLockStep({ key: input.cart_id, ownerId: lockOwner })
  return new WorkflowResponse(redemption)
})
