import type { MedusaContainer } from "@medusajs/framework/types"
import { redeemablePoints } from "../../../lib/loyalty"
import { amountToPaise, paiseToAmount } from "../../../lib/money"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import { findCustomerCart } from "../../../workflows/loyalty"

/**
 * The points side of a customer's cart, for the storefront: what is applied,
 * the balance, and the most that may still be put on this cart.
 */
export async function cartLoyaltyView(container: MedusaContainer, cartId: string, customerId: string) {
  const cart = await findCustomerCart(container, cartId, customerId)
  const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  const [program, [account], [applied]] = await Promise.all([
    loyalty.currentProgram(),
    loyalty.listLoyaltyAccounts({ customer_id: customerId }, { select: ["balance"] }),
    loyalty.listCartRedemptions({ cart_id: cartId, status: ["applied", "deducted"] }),
  ])
  const balance = account?.balance ?? 0
  const billPaise = amountToPaise(cart.total) + (applied?.value_paise ?? 0)
  return {
    cart: {
      id: cart.id,
      currency_code: cart.currency_code,
      total: cart.total,
      discount_total: cart.discount_total,
      promo_codes: (cart.promotions ?? []).map((p) => p.code),
    },
    loyalty: {
      balance,
      point_value: paiseToAmount(program.point_value_paise),
      applied: applied ? { points: applied.points, value: paiseToAmount(applied.value_paise), code: applied.promotion_code } : null,
      max_points: cart.currency_code.toLowerCase() === "inr" ? redeemablePoints(balance, billPaise, program) : 0,
      min_balance_to_redeem: program.min_balance_to_redeem,
    },
  }
}
