import { randomBytes } from "node:crypto"
import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { redemptionProblem } from "../../../lib/loyalty"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import type { CartForRedemption } from "./load-cart-for-redemption"

export type CartRedemptionPlan = { points: number; value_paise: number; code: string }

/** An unguessable single-use code; the promotion is also limited to the customer. */
export const loyaltyPromotionCode = () => `POINTS-${randomBytes(8).toString("hex").toUpperCase()}`

/**
 * Checks the points against the program, the balance as it stands and the
 * share of the bill they may pay (the bill before any points already on the
 * cart), and prices them. The balance is checked again, under the account
 * lock, when the cart is completed.
 */
export const planCartRedemptionStep = createStep(
  "plan-cart-redemption",
  async ({ points, found }: { points: number; found: CartForRedemption }, { container }) => {
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const program = await loyalty.currentProgram()
    const [account] = await loyalty.listLoyaltyAccounts({ customer_id: found.cart.customer_id }, { select: ["balance"] })
    const billPaise = found.cart.total_paise + (found.redemption?.value_paise ?? 0)
    const problem = redemptionProblem(points, account?.balance ?? 0, program, billPaise)
    if (problem) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, problem.charAt(0).toUpperCase() + problem.slice(1))
    }
    return new StepResponse<CartRedemptionPlan>({ points, value_paise: points * program.point_value_paise, code: loyaltyPromotionCode() })
  }
)
