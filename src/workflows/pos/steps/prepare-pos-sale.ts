import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { formatInr } from "../../../lib/money"
import { panRequiredFor } from "../../../lib/pan"
import { settleBill } from "../../../lib/pos"
import { asksPriceChange, beyondLimits, type PriceLimits } from "../../../lib/price-controls"
import { quotePosSale, saleDiscounts, type PosSaleInput, type PosSalePlan } from "../utils/quote-pos-sale"

/** No discount without limits that allow it: a caller that names no seller's limits may give none. */
const NO_DISCOUNT: PriceLimits = { making_discount_bps: 0, making_discount_paise: 0, bill_discount_paise: 0, rate_change: "none" }

/**
 * The sale checked before anything is written: the quote, and the tenders
 * settling its bill exactly (change from cash only; under the s.269ST cash
 * limit with what the customer paid in cash earlier today), and PAN or Form 60
 * for a bill of ₹2 lakh or more (given at the counter, or on the customer's
 * profile), and discounts within the seller's limits unless a manager approved
 * this very bill. Reads only.
 */
export const preparePosSaleStep = createStep("prepare-pos-sale", async (input: PosSaleInput, { container }) => {
  const schemeCards = input.tenders.filter((t) => t.kind === "scheme" && t.reference).map((t) => t.reference!)
  const { points_limit: _limit, points_balance: _balance, cash_today_paise: cashToday, ...quote } = await quotePosSale(container, { ...input, scheme_cards: schemeCards })
  const { settlement, problem } = settleBill({ total_paise: quote.total_paise, points_paise: quote.points_paise, tenders: input.tenders, cash_today_paise: cashToday })
  if (problem) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `${problem.charAt(0).toUpperCase()}${problem.slice(1)} (bill ${formatInr(quote.total_paise)})`)
  }
  const beyond = asksPriceChange(quote.discount) ? beyondLimits(quote.discount, input.seller_limits ?? NO_DISCOUNT) : []
  if (beyond.length && !input.approval_id) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Discounts beyond your limits: ${beyond.join("; ")}. Ask a manager to approve this bill (POST /admin/pos/approvals) and sell it with the approval's approval_id`
    )
  }
  const needed = panRequiredFor(quote.total_paise)
  const identity = input.identity ?? quote.customer.pan
  if (needed && !identity) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `pan: a sale of ${formatInr(quote.total_paise)} (₹2,00,000 or more) needs the customer's PAN or a signed Form 60 (form_60: true) before it completes (Income-tax Rules, Rule 114B)`
    )
  }
  return new StepResponse<PosSalePlan>({
    ...quote,
    settlement: settlement!,
    approval: input.approval_id ? { id: input.approval_id, fingerprint: saleDiscounts(input) ?? "" } : null,
    identity: {
      identity: !needed || !identity ? "not_needed" : "form_60" in identity ? "form_60" : "pan",
      pan_masked: needed && identity && "pan_masked" in identity ? identity.pan_masked : null,
      pan_encrypted: needed && identity && "pan_encrypted" in identity ? identity.pan_encrypted : null,
    },
  })
})
