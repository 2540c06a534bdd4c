import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { checkCartOfferCodes } from "./cart-offers"
import { deductCartPoints, restoreCartPoints, type CompletingCart } from "./cart-points"
import { checkCartStock, type StockedCart } from "./cart-stock"

/**
 * Medusa's cart completion allows one validate hook: the offer codes on the
 * cart and its pieces' stock are checked first (they write nothing), then the
 * points on it are deducted. If a later step of the completion fails, the
 * points come back.
 */
completeCartWorkflow.hooks.validate(
  async ({ cart }: { cart: CompletingCart & StockedCart }, { container }) => {
    await checkCartOfferCodes(container, cart)
    await checkCartStock(container, cart)
    return new StepResponse(undefined, await deductCartPoints(container, cart))
  },
  async (redemptionId, { container }) => {
    if (redemptionId) {
      await restoreCartPoints(container, redemptionId)
    }
  }
)
