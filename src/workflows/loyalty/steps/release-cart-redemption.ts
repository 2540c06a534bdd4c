import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"

/**
 * Ends a redemption: points a completion had already deducted go back to the
 * customer (an abandoned completion), and the record is marked released.
 * Compensation re-opens an applied one; points given back stay given back.
 */
export const releaseCartRedemptionStep = createStep(
  "release-cart-redemption",
  async ({ id, status }: { id: string; status: string }, { container }) => {
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    if (status === "deducted") {
      await loyalty.restoreCartRedemption(id, "release", "points given back: the cart was not completed")
      return new StepResponse(undefined, null)
    }
    await loyalty.updateCartRedemptions({ id, status: "released" })
    return new StepResponse(undefined, id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<LoyaltyModuleService>(LOYALTY_MODULE).updateCartRedemptions({ id, status: "applied" })
    }
  }
)
