import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"

export type SaveCartRedemptionInput = {
  cart_id: string
  customer_id: string
  points: number
  value_paise: number
  promotion_id: string
  promotion_code: string
  /** The redemption this one replaces, released first. */
  replaces: string | null
}

/** Records the points now on the cart; compensation deletes the record and puts back the one it replaced. */
export const saveCartRedemptionStep = createStep(
  "save-cart-redemption",
  async ({ replaces, ...input }: SaveCartRedemptionInput, { container }) => {
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    if (replaces) {
      await loyalty.updateCartRedemptions({ id: replaces, status: "released" })
    }
    const created = await loyalty.createCartRedemptions({ ...input, status: "applied" })
    return new StepResponse(created, { created: created.id, replaces })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    await loyalty.deleteCartRedemptions(undo.created)
    if (undo.replaces) {
      await loyalty.updateCartRedemptions({ id: undo.replaces, status: "applied" })
    }
  }
)
