import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { asksPriceChange, beyondLimits, type PriceLimits } from "../../../lib/price-controls"
import { quotePosSale, saleDiscounts, type PosSaleInput } from "../utils/quote-pos-sale"

export type RequestDiscountApprovalInput = Pick<PosSaleInput, "branch_id" | "customer_id" | "items" | "bill_discount_paise" | "rates"> & {
  reason: string
  user_id: string
  seller_limits: PriceLimits
}

/**
 * The bill priced as the sale would price it (pieces in stock, each making discount within its making charge)
 * and the discounts it asks: a request within the seller's own limits needs no approval and is refused.
 */
export const prepareDiscountApprovalStep = createStep("prepare-discount-approval", async (input: RequestDiscountApprovalInput, { container }) => {
  const quote = await quotePosSale(container, { ...input, points: 0 })
  if (!asksPriceChange(quote.discount)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "items: the bill asks no discount and no rate of its own; there is nothing to approve")
  }
  const beyond = beyondLimits(quote.discount, input.seller_limits)
  if (!beyond.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "These discounts are within your own limits: sell the bill without an approval")
  }
  return new StepResponse({
    branch_id: quote.branch.id,
    customer_id: quote.customer.id,
    requested_by: input.user_id,
    fingerprint: saleDiscounts(input)!,
    request: {
      items: input.items.map((i) => ({ tag_code: i.tag_code.trim().toUpperCase(), quantity: i.quantity, making_discount_paise: i.making_discount_paise ?? 0 })),
      bill_discount_paise: input.bill_discount_paise ?? 0,
      rates: input.rates ?? [],
      rate_changes: quote.discount.rate_changes,
      total_paise: quote.total_paise,
      beyond,
    },
    making_discount_paise: quote.discount.making_discount_paise,
    making_discount_bps: quote.discount.making_discount_bps,
    bill_discount_paise: quote.discount.bill_discount_paise,
    reason: input.reason,
  })
})
