import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { amountToPaise } from "../../../lib/money"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import { findCustomerCart } from "../utils/customer-cart"

export type CartForRedemption = {
  cart: { id: string; customer_id: string; total_paise: number; promo_codes: string[] }
  /** The points already on the cart (applied, or deducted by a completion under way). */
  redemption: { id: string; points: number; value_paise: number; promotion_id: string; promotion_code: string; status: string } | null
}

/**
 * The customer's own open INR cart and the points already on it. Another
 * customer's cart answers "not found", as if it did not exist. Points a
 * completion has deducted can only be taken off by the recovery job
 * (`allow_deducted`).
 */
export const loadCartForRedemptionStep = createStep(
  "load-cart-for-redemption",
  async ({ cart_id, customer_id, allow_deducted }: { cart_id: string; customer_id: string; allow_deducted?: boolean }, { container }) => {
    const cart = await findCustomerCart(container, cart_id, customer_id)
    if (cart.completed_at && !allow_deducted) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This cart is already completed")
    }
    if (cart.currency_code.toLowerCase() !== "inr") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Points pay for carts in INR only; this cart is in ${cart.currency_code.toUpperCase()}`)
    }
    const [redemption] = await container
      .resolve<LoyaltyModuleService>(LOYALTY_MODULE)
      .listCartRedemptions({ cart_id, status: ["applied", "deducted"] })
    if (redemption?.status === "deducted" && !allow_deducted) {
      throw new MedusaError(MedusaError.Types.CONFLICT, "This cart is being completed; its points cannot change now")
    }
    return new StepResponse<CartForRedemption>({
      cart: {
        id: cart.id,
        customer_id,
        total_paise: amountToPaise(cart.total),
        promo_codes: (cart.promotions ?? []).map((p) => p.code).filter(Boolean),
      },
      redemption: redemption
        ? {
            id: redemption.id,
            points: redemption.points,
            value_paise: redemption.value_paise,
            promotion_id: redemption.promotion_id,
            promotion_code: redemption.promotion_code,
            status: redemption.status,
          }
        : null,
    })
  }
)
